<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
    <context>
        <name>AssessmentForm</name>
        <message>
            <source>Not assessed yet ({done})</source>
            <translation>Inte bedömd än ({done})</translation>
        </message>
    </context>
    <context>
        <name>AthenaWindow</name>
        <message>
            <source>Unlock the diary first.</source>
            <translation>Lås upp dagboken först.</translation>
        </message>
        <message>
            <source>Joined “{name}” ({track}) as a new laptop. The first sync fetches the team's data.</source>
            <translation>Med i ”{name}” ({track}) som ny dator. Första synken hämtar teamets uppgifter.</translation>
        </message>
        <message>
            <source>The export file is NOT encrypted: anyone who gets the file can read everything in it. Keep it on an encrypted drive and delete it when it has served its purpose.</source>
            <translation>Exportfilen är INTE krypterad: den som får tag i filen kan läsa allt i den. Förvara den på en krypterad enhet och radera den när den har gjort sitt.</translation>
        </message>
        <message numerus="yes">
            <source>It holds the protected address and personal identity number of %n client(s) with protected identity.</source>
            <translation>
                <numerusform>Den innehåller skyddad adress och personnummer för %n klient med skyddade personuppgifter.</numerusform>
                <numerusform>Den innehåller skyddad adress och personnummer för %n klienter med skyddade personuppgifter.</numerusform>
            </translation>
        </message>
        <message>
            <source>Leave out protected details (address and personal identity number of clients with protected identity)</source>
            <translation>Utelämna skyddade uppgifter (adress och personnummer för klienter med skyddade personuppgifter)</translation>
        </message>
        <message>
            <source>&amp;Choose file and export…</source>
            <translation>&amp;Välj fil och exportera …</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Avbryt</translation>
        </message>
        <message>
            <source>a diary entry</source>
            <translation>en dagboksanteckning</translation>
        </message>
        <message>
            <source>the safety plan</source>
            <translation>säkerhetsplanen</translation>
        </message>
        <message>
            <source>the client form</source>
            <translation>klientformuläret</translation>
        </message>
        <message>
            <source>a decision</source>
            <translation>ett beslut</translation>
        </message>
        <message>
            <source>closing a case</source>
            <translation>avslut av ärende</translation>
        </message>
        <message>
            <source>There is unsaved text ({what}). It is kept as an encrypted draft in the diary and will be back when you unlock. Quit now?</source>
            <translation>Det finns osparad text ({what}). Den sparas krypterad som utkast i dagboken och finns kvar när du låser upp. Avsluta nu?</translation>
        </message>
        <message>
            <source>&amp;Quit, keep the draft</source>
            <translation>&amp;Avsluta, behåll utkastet</translation>
        </message>
        <message>
            <source>&amp;Go back</source>
            <translation>&amp;Gå tillbaka</translation>
        </message>
    </context>
    <context>
        <name>ClientDialog</name>
        <message>
            <source>Interpreter's language</source>
            <translation>Tolkens språk</translation>
        </message>
        <message>
            <source>Not a relative, not from her community</source>
            <translation>Inte släkting, inte från hennes krets</translation>
        </message>
        <message>
            <source>An interpreter from her family or community may carry word back: ask the agency for someone independent.</source>
            <translation>En tolk från hennes familj eller krets kan föra uppgifter vidare: be tolkförmedlingen om någon fristående.</translation>
        </message>
    </context>
    <context>
        <name>ClientListPane</name>
        <message numerus="yes">
            <source>%n+ match(es), counting…</source>
            <translation>
                <numerusform>%n+ träff, räknar …</numerusform>
                <numerusform>%n+ träffar, räknar …</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ClientView</name>
        <message>
            <source>Record e&amp;xtract…</source>
            <translation>Register&amp;utdrag …</translation>
        </message>
        <message>
            <source>Print record extract</source>
            <translation>Skriv ut registerutdrag</translation>
        </message>
        <message>
            <source>Everything stored about her, to hand over: what is left out is shown before printing</source>
            <translation>Allt som finns sparat om henne, att lämna ut: det som utelämnas visas före utskrift</translation>
        </message>
        <message>
            <source>interpreter: {lang}</source>
            <translation>tolk: {lang}</translation>
        </message>
        <message>
            <source>(not a relative, not from her community)</source>
            <translation>(inte släkting, inte från hennes krets)</translation>
        </message>
        <message>
            <source>Show &amp;address and personal number</source>
            <translation>Visa &amp;adress och personnummer</translation>
        </message>
        <message>
            <source>Show the protected address and personal number (logged)</source>
            <translation>Visa skyddad adress och personnummer (loggas)</translation>
        </message>
        <message>
            <source>The address and personal identity number are protected. Showing them is logged.</source>
            <translation>Adressen och personnumret är skyddade. Att visa dem loggas.</translation>
        </message>
    </context>
    <context>
        <name>CourtDayDialog</name>
        <message>
            <source>Print court-day sheet</source>
            <translation>Skriv ut rättegångsblad</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Språk</translation>
        </message>
        <message>
            <source>Paper</source>
            <translation>Papper</translation>
        </message>
        <message>
            <source>A4</source>
            <translation>A4</translation>
        </message>
        <message>
            <source>Pocket card (A6)</source>
            <translation>Fickkort (A6)</translation>
        </message>
        <message>
            <source>Print her name</source>
            <translation>Skriv ut hennes namn</translation>
        </message>
    </context>
    <context>
        <name>CourtPanel</name>
        <message>
            <source>&amp;Print court-day sheet…</source>
            <translation>&amp;Skriv ut rättegångsblad …</translation>
        </message>
        <message>
            <source>Print court-day sheet</source>
            <translation>Skriv ut rättegångsblad</translation>
        </message>
    </context>
    <context>
        <name>DecisionDialog</name>
        <message>
            <source>&amp;Legal basis</source>
            <translation>&amp;Lagrum</translation>
        </message>
        <message>
            <source>&amp;Intervention</source>
            <translation>&amp;Insats</translation>
        </message>
    </context>
    <context>
        <name>DiaryPanel</name>
        <message>
            <source>&amp;Open draft</source>
            <translation>&amp;Öppna utkast</translation>
        </message>
    </context>
    <context>
        <name>DocumentPrintDialog</name>
        <message>
            <source>Preview of the pages</source>
            <translation>Förhandsvisning av sidorna</translation>
        </message>
        <message>
            <source>Save as PDF…</source>
            <translation>Spara som PDF …</translation>
        </message>
        <message>
            <source>Print…</source>
            <translation>Skriv ut …</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Stäng</translation>
        </message>
        <message>
            <source>Left out of this printout:</source>
            <translation>Utelämnat i den här utskriften:</translation>
        </message>
        <message>
            <source>Making the document…</source>
            <translation>Gör dokumentet …</translation>
        </message>
        <message>
            <source>Nothing.</source>
            <translation>Ingenting.</translation>
        </message>
        <message>
            <source>No page preview on this computer; the document is ready.</source>
            <translation>Ingen sidvisning på den här datorn; dokumentet är klart.</translation>
        </message>
        <message numerus="yes">
            <source>%n page(s)</source>
            <translation>
                <numerusform>%n sida</numerusform>
                <numerusform>%n sidor</numerusform>
            </translation>
        </message>
        <message>
            <source>The document failed.</source>
            <translation>Dokumentet kunde inte göras.</translation>
        </message>
        <message>
            <source>Save as PDF</source>
            <translation>Spara som PDF</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>Sparar …</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>Sparat.</translation>
        </message>
        <message>
            <source>Printing…</source>
            <translation>Skriver ut …</translation>
        </message>
        <message>
            <source>Sent to the printer.</source>
            <translation>Skickat till skrivaren.</translation>
        </message>
    </context>
    <context>
        <name>EntryForm</name>
        <message>
            <source>Draft of {day}, not signed: edit it, then save or save and sign.</source>
            <translation>Utkast från {day}, inte signerat: redigera, spara sedan eller spara och signera.</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Avbryt</translation>
        </message>
    </context>
    <context>
        <name>Fields</name>
        <message>
            <source>Referral source</source>
            <translation>Hänvisad från</translation>
        </message>
        <message>
            <source>Investigation opened</source>
            <translation>Utredning inledd</translation>
        </message>
        <message>
            <source>Investigation closed</source>
            <translation>Utredning avslutad</translation>
        </message>
        <message>
            <source>Motivation</source>
            <translation>Motivation</translation>
        </message>
        <message>
            <source>Needs other help</source>
            <translation>Behöver annat stöd</translation>
        </message>
        <message>
            <source>Other help</source>
            <translation>Annat stöd</translation>
        </message>
        <message>
            <source>Registered</source>
            <translation>Registrerad</translation>
        </message>
        <message>
            <source>Referred onward</source>
            <translation>Vidarehänvisad</translation>
        </message>
        <message>
            <source>Method</source>
            <translation>Metod</translation>
        </message>
        <message>
            <source>Own theme</source>
            <translation>Eget tema</translation>
        </message>
        <message>
            <source>Attendance</source>
            <translation>Närvaro</translation>
        </message>
        <message>
            <source>Risk to his partner</source>
            <translation>Risk för partnern</translation>
        </message>
        <message>
            <source>Risk to the children</source>
            <translation>Risk för barnen</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>Post</translation>
        </message>
        <message>
            <source>Record id</source>
            <translation>Postens id</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Fält</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Värde</translation>
        </message>
        <message>
            <source>Accompanied by</source>
            <translation>Följer med</translation>
        </message>
        <message>
            <source>Activity</source>
            <translation>Aktivitet</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Adress</translation>
        </message>
        <message>
            <source>Answers</source>
            <translation>Svar</translation>
        </message>
        <message>
            <source>Assessment date</source>
            <translation>Bedömningsdatum</translation>
        </message>
        <message>
            <source>Assessed by</source>
            <translation>Bedömd av</translation>
        </message>
        <message>
            <source>Written by</source>
            <translation>Skriven av</translation>
        </message>
        <message>
            <source>Title of the writer</source>
            <translation>Skribentens titel</translation>
        </message>
        <message>
            <source>Birth year</source>
            <translation>Födelseår</translation>
        </message>
        <message>
            <source>Case</source>
            <translation>Ärende</translation>
        </message>
        <message>
            <source>Case number</source>
            <translation>Ärendenummer</translation>
        </message>
        <message>
            <source>Case officer</source>
            <translation>Handläggare</translation>
        </message>
        <message>
            <source>City</source>
            <translation>Ort</translation>
        </message>
        <message>
            <source>Her own estimate</source>
            <translation>Hennes egen bedömning</translation>
        </message>
        <message>
            <source>Client</source>
            <translation>Klient</translation>
        </message>
        <message>
            <source>Closed on</source>
            <translation>Avslutad</translation>
        </message>
        <message>
            <source>Closing reason</source>
            <translation>Avslutsorsak</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Kod</translation>
        </message>
        <message>
            <source>Track</source>
            <translation>Spår</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>Slutförd</translation>
        </message>
        <message>
            <source>How to contact</source>
            <translation>Hur hon nås</translation>
        </message>
        <message>
            <source>Corrects entry</source>
            <translation>Rättar anteckning</translation>
        </message>
        <message>
            <source>Counsel for the injured party</source>
            <translation>Målsägandebiträde</translation>
        </message>
        <message>
            <source>Court</source>
            <translation>Domstol</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>Skapad</translation>
        </message>
        <message>
            <source>Created by</source>
            <translation>Skapad av</translation>
        </message>
        <message>
            <source>Decision date</source>
            <translation>Beslutsdatum</translation>
        </message>
        <message>
            <source>Decision</source>
            <translation>Beslut</translation>
        </message>
        <message>
            <source>Laptop</source>
            <translation>Dator</translation>
        </message>
        <message>
            <source>District</source>
            <translation>Stadsdel</translation>
        </message>
        <message>
            <source>Duration</source>
            <translation>Tid</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>E-post</translation>
        </message>
        <message>
            <source>End of period</source>
            <translation>Periodens slut</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Datum</translation>
        </message>
        <message>
            <source>First contact</source>
            <translation>Första kontakt</translation>
        </message>
        <message>
            <source>Granted on</source>
            <translation>Beviljad</translation>
        </message>
        <message>
            <source>Guardian consent</source>
            <translation>Vårdnadshavares samtycke</translation>
        </message>
        <message>
            <source>Held on</source>
            <translation>Hölls</translation>
        </message>
        <message>
            <source>How to reach</source>
            <translation>Hur hen nås</translation>
        </message>
        <message>
            <source>Id</source>
            <translation>Id</translation>
        </message>
        <message>
            <source>Instrument</source>
            <translation>Instrument</translation>
        </message>
        <message>
            <source>Instrument version</source>
            <translation>Instrumentversion</translation>
        </message>
        <message>
            <source>Interpreter not a relative, not from her community</source>
            <translation>Tolk inte släkting, inte från hennes krets</translation>
        </message>
        <message>
            <source>Interpreter's language</source>
            <translation>Tolkens språk</translation>
        </message>
        <message>
            <source>Interpreter needed</source>
            <translation>Behöver tolk</translation>
        </message>
        <message>
            <source>Intervention</source>
            <translation>Insats</translation>
        </message>
        <message>
            <source>Kinds of support</source>
            <translation>Typer av stöd</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Språk</translation>
        </message>
        <message>
            <source>Languages</source>
            <translation>Språk</translation>
        </message>
        <message>
            <source>Legal basis</source>
            <translation>Lagrum</translation>
        </message>
        <message>
            <source>Where we meet</source>
            <translation>Var vi möts</translation>
        </message>
        <message>
            <source>Months</source>
            <translation>Månader</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Namn</translation>
        </message>
        <message>
            <source>Name (for search)</source>
            <translation>Namn (för sökning)</translation>
        </message>
        <message>
            <source>Printed title</source>
            <translation>Utskriven titel</translation>
        </message>
        <message>
            <source>New end date</source>
            <translation>Nytt slutdatum</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Anteckning</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Nummer</translation>
        </message>
        <message>
            <source>Date of the incident</source>
            <translation>Datum för händelsen</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Utfall</translation>
        </message>
        <message>
            <source>Personal identity number</source>
            <translation>Personnummer</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Telefon</translation>
        </message>
        <message>
            <source>Room</source>
            <translation>Sal</translation>
        </message>
        <message>
            <source>Postal code</source>
            <translation>Postnummer</translation>
        </message>
        <message>
            <source>Prosecutor</source>
            <translation>Åklagare</translation>
        </message>
        <message>
            <source>Protected identity</source>
            <translation>Skyddade personuppgifter</translation>
        </message>
        <message>
            <source>Referred by</source>
            <translation>Hänvisad av</translation>
        </message>
        <message>
            <source>Referred on</source>
            <translation>Aktualiserad</translation>
        </message>
        <message>
            <source>Referred on to</source>
            <translation>Vidarehänvisad</translation>
        </message>
        <message>
            <source>Referring unit</source>
            <translation>Beställande enhet</translation>
        </message>
        <message>
            <source>Relation</source>
            <translation>Relation</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Resultat</translation>
        </message>
        <message>
            <source>After risk assessment</source>
            <translation>Efter riskbedömning</translation>
        </message>
        <message>
            <source>Safe entry and exit</source>
            <translation>Säker in- och utgång</translation>
        </message>
        <message>
            <source>Safe for her?</source>
            <translation>Trygg för henne?</translation>
        </message>
        <message>
            <source>Sections</source>
            <translation>Avsnitt</translation>
        </message>
        <message>
            <source>Separate waiting room</source>
            <translation>Eget väntrum</translation>
        </message>
        <message>
            <source>Severity</source>
            <translation>Allvarlighet</translation>
        </message>
        <message>
            <source>Signed</source>
            <translation>Signerad</translation>
        </message>
        <message>
            <source>Date and time</source>
            <translation>Datum och tid</translation>
        </message>
        <message>
            <source>Start of support</source>
            <translation>Stödets start</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>Sammanfattning</translation>
        </message>
        <message>
            <source>Replaces assessment</source>
            <translation>Ersätter bedömning</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>Text</translation>
        </message>
        <message>
            <source>Themes</source>
            <translation>Teman</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Titel</translation>
        </message>
        <message>
            <source>Why Trappan did not happen</source>
            <translation>Varför Trappan inte blev av</translation>
        </message>
        <message>
            <source>Informed about Trappan</source>
            <translation>Informerad om Trappan</translation>
        </message>
        <message>
            <source>Linked to Trappan</source>
            <translation>Länkad till Trappan</translation>
        </message>
        <message>
            <source>Trappan</source>
            <translation>Trappan</translation>
        </message>
        <message>
            <source>Changed</source>
            <translation>Ändrad</translation>
        </message>
        <message>
            <source>Changed by</source>
            <translation>Ändrad av</translation>
        </message>
        <message>
            <source>Valid from</source>
            <translation>Gäller från</translation>
        </message>
        <message>
            <source>Valid to</source>
            <translation>Gäller till</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>Version</translation>
        </message>
        <message>
            <source>Responsible worker</source>
            <translation>Ansvarig</translation>
        </message>
        <message>
            <source>Written</source>
            <translation>Skriven</translation>
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message>
            <source>Protected details shown</source>
            <translation>Skyddade uppgifter visade</translation>
        </message>
    </context>
    <context>
        <name>OverviewPanel</name>
        <message>
            <source>Extend 3 months</source>
            <translation>Förläng 3 månader</translation>
        </message>
        <message>
            <source>Extend the decision of {day} by three months, until {until}?</source>
            <translation>Förläng beslutet från {day} med tre månader, till {until}?</translation>
        </message>
        <message>
            <source>E&amp;xtend</source>
            <translation>F&amp;örläng</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Avbryt</translation>
        </message>
        <message>
            <source>Legal basis</source>
            <translation>Lagrum</translation>
        </message>
        <message>
            <source>Intervention</source>
            <translation>Insats</translation>
        </message>
    </context>
    <context>
        <name>PreferencesDialog</name>
        <message>
            <source>This diary is not in a team yet. Ask a team member for an invitation file and, separately, its one-time code.</source>
            <translation>Dagboken är inte med i något team än. Be en teammedlem om en inbjudningsfil och, separat, dess engångskod.</translation>
        </message>
        <message>
            <source>The invitation file (.athena-invite)</source>
            <translation>Inbjudningsfilen (.athena-invite)</translation>
        </message>
        <message>
            <source>Invitation file</source>
            <translation>Inbjudningsfil</translation>
        </message>
        <message>
            <source>&amp;Choose…</source>
            <translation>&amp;Välj …</translation>
        </message>
        <message>
            <source>One-time code</source>
            <translation>Engångskod</translation>
        </message>
        <message>
            <source>&amp;Join the team</source>
            <translation>&amp;Gå med i teamet</translation>
        </message>
        <message>
            <source>&amp;Invitation</source>
            <translation>&amp;Inbjudan</translation>
        </message>
        <message>
            <source>One-time &amp;code</source>
            <translation>Engångs&amp;kod</translation>
        </message>
        <message>
            <source>Invitations (*.athena-invite);;All files (*)</source>
            <translation>Inbjudningar (*.athena-invite);;Alla filer (*)</translation>
        </message>
        <message>
            <source>Choose the invitation file and type its one-time code.</source>
            <translation>Välj inbjudningsfilen och skriv dess engångskod.</translation>
        </message>
        <message>
            <source>Joining… (checking the code takes a few seconds)</source>
            <translation>Går med … (koden kontrolleras, det tar några sekunder)</translation>
        </message>
    </context>
    <context>
        <name>RecordExtractDialog</name>
        <message>
            <source>Print record extract</source>
            <translation>Skriv ut registerutdrag</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Språk</translation>
        </message>
    </context>
    <context>
        <name>SafetyPlanPanel</name>
        <message>
            <source>Someone in this version is now marked not safe in the network map: he was taken off the list and is never printed.</source>
            <translation>Någon i den här versionen är nu markerad som inte trygg i nätverkskartan: han togs bort ur listan och skrivs aldrig ut.</translation>
        </message>
        <message>
            <source>Unsaved changes brought back from the draft. Save to make a new version.</source>
            <translation>Osparade ändringar återställda från utkastet. Spara för att göra en ny version.</translation>
        </message>
        <message>
            <source>[not safe – cannot be chosen]</source>
            <translation>[inte trygg – kan inte väljas]</translation>
        </message>
        <message>
            <source>Marked not safe in the network map: a person who is not safe is never printed as someone to call.</source>
            <translation>Markerad som inte trygg i nätverkskartan: den som inte är trygg skrivs aldrig ut som någon att ringa.</translation>
        </message>
    </context>
    <context>
        <name>SafetyPlanPrintDialog</name>
        <message>
            <source>Warning signs, where she goes, what she takes, code word, phone and accounts, the court day</source>
            <translation>Varningssignaler, vart hon tar sig, vad hon tar med, kodord, telefon och konton, rättegångsdagen</translation>
        </message>
        <message>
            <source>Keep “{number}” (under a neutral name)</source>
            <translation>Behåll ”{number}” (under ett neutralt namn)</translation>
        </message>
        <message>
            <source>This number itself gives the plan away and is left out of a discreet printout unless kept on purpose.</source>
            <translation>Numret i sig avslöjar planen och utelämnas i en diskret utskrift om det inte behålls med avsikt.</translation>
        </message>
        <message>
            <source>Numbers</source>
            <translation>Nummer</translation>
        </message>
    </context>
    <context>
        <name>TodayScreen</name>
        <message>
            <source>&amp;Print court-day sheet…</source>
            <translation>&amp;Skriv ut rättegångsblad …</translation>
        </message>
        <message>
            <source>Print court-day sheet</source>
            <translation>Skriv ut rättegångsblad</translation>
        </message>
    </context>
</TS>
