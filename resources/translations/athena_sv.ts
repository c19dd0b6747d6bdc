<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>AssessmentForm</name>
    <message>
        <source>Items of the assessment</source>
        <translation>Bedömningens frågor</translation>
    </message>
    <message>
        <source>Complete and lock</source>
        <translation>Slutför och lås</translation>
    </message>
    <message>
        <source>New safety plan revision</source>
        <translation>Ny version av säkerhetsplanen</translation>
    </message>
    <message>
        <source>Opens a new version of the safety plan linked to this assessment</source>
        <translation>Öppnar en ny version av säkerhetsplanen kopplad till den här bedömningen</translation>
    </message>
    <message>
        <source>Her own estimate</source>
        <translation>Hennes egen bedömning</translation>
    </message>
    <message>
        <source>Not asked yet</source>
        <translation>Inte tillfrågad än</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Låg</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Medel</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hög</translation>
    </message>
    <message>
        <source>She cannot say</source>
        <translation>Hon kan inte säga</translation>
    </message>
    <message>
        <source>Assessor&apos;s summary</source>
        <translation>Bedömarens sammanfattning</translation>
    </message>
    <message>
        <source>The assessor&apos;s summary: what the risk is, what drives it, what is to be done</source>
        <translation>Bedömarens sammanfattning: vilken risken är, vad som driver den, vad som ska göras</translation>
    </message>
    <message>
        <source>No assessment open</source>
        <translation>Ingen bedömning öppen</translation>
    </message>
    <message>
        <source>Choose an instrument and start a new assessment, or open one from the list.</source>
        <translation>Välj ett instrument och påbörja en ny bedömning, eller öppna en i listan.</translation>
    </message>
    <message>
        <source>Persons and scenarios</source>
        <translation>Personer och scenarier</translation>
    </message>
    <message>
        <source>Result and summary</source>
        <translation>Resultat och sammanfattning</translation>
    </message>
    <message>
        <source>How large does she herself think the risk is?</source>
        <translation>Hur stor tror hon själv att risken är?</translation>
    </message>
    <message>
        <source>Completed {date} by {who}. The assessment is locked; a new assessment supersedes it.</source>
        <translation>Slutförd {date} av {who}. Bedömningen är låst; en ny bedömning ersätter den.</translation>
    </message>
    <message>
        <source>not yet rated</source>
        <translation>ännu inte bedömd</translation>
    </message>
    <message>
        <source>{n} of {total} answered</source>
        <translation>{n} av {total} besvarade</translation>
    </message>
    <message>
        <source>Score {score} of {max} – {band} ({done})</source>
        <translation>Poäng {score} av {max} – {band} ({done})</translation>
    </message>
    <message>
        <source>Overall: {level} – {judged} of {total} scenarios rated ({done})</source>
        <translation>Sammantaget: {level} – {judged} av {total} scenarier bedömda ({done})</translation>
    </message>
    <message>
        <source>{n} items answered don&apos;t know: the result may understate the risk.</source>
        <translation>{n} frågor besvarade med vet inte: resultatet kan underskatta risken.</translation>
    </message>
    <message>
        <source>item {n} of {total}</source>
        <translation>fråga {n} av {total}</translation>
    </message>
    <message>
        <source>Risk assessment</source>
        <translation>Risk- och hotbedömning</translation>
    </message>
    <message>
        <source>Complete the assessment</source>
        <translation>Slutför bedömningen</translation>
    </message>
    <message>
        <source>A completed assessment is locked and cannot be changed. Complete it?</source>
        <translation>En slutförd bedömning är låst och kan inte ändras. Vill du slutföra den?</translation>
    </message>
    <message>
        <source>Safety plan version {n} opened from it.</source>
        <translation>Version {n} av säkerhetsplanen öppnad utifrån den.</translation>
    </message>
    <message>
        <source>Not assessed yet ({done})</source>
        <translation>Inte bedömd än ({done})</translation>
    </message>
</context>
<context>
    <name>AthenaWindow</name>
    <message>
        <source>Athena – Reports</source>
        <translation>Athena – Rapporter</translation>
    </message>
    <message>
        <source>Open a client first.</source>
        <translation>Öppna en klient först.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportera</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>IT settings: {problem}</source>
        <translation>IT-inställningar: {problem}</translation>
    </message>
    <message>
        <source>No backup was taken at unlock: {problem}</source>
        <translation>Ingen säkerhetskopia togs vid upplåsningen: {problem}</translation>
    </message>
    <message>
        <source>The backup was taken and checked ({where}).</source>
        <translation>Säkerhetskopian är tagen och kontrollerad ({where}).</translation>
    </message>
    <message>
        <source>Unlock the diary first.</source>
        <translation>Lås upp dagboken först.</translation>
    </message>
    <message>
        <source>Joined “{name}” ({track}) as a new laptop. The first sync fetches the team&apos;s data.</source>
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
    <message>
        <source>Athena – Reference lists</source>
        <translation>Athena – Referenslistor</translation>
    </message>
    <message>
        <source>Athena – Retention</source>
        <translation>Athena – Gallring</translation>
    </message>
</context>
<context>
    <name>CandidateModel</name>
    <message>
        <source>What happens</source>
        <translation>Vad som händer</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Akt</translation>
    </message>
    <message>
        <source>Case numbers</source>
        <translation>Ärendenummer</translation>
    </message>
    <message>
        <source>Last entry</source>
        <translation>Sista anteckning</translation>
    </message>
    <message>
        <source>Purge by</source>
        <translation>Gallras senast</translation>
    </message>
    <message>
        <source>To be purged</source>
        <translation>Gallras</translation>
    </message>
    <message>
        <source>To be marked for the archive</source>
        <translation>Märks för arkivmyndigheten</translation>
    </message>
    <message>
        <source>Kept: other register data on the same person</source>
        <translation>Sparas: andra registeruppgifter om samma person</translation>
    </message>
    <message>
        <source>men&apos;s track</source>
        <translation>mansstöd</translation>
    </message>
    <message>
        <source>Protected identity</source>
        <translation>Skyddad identitet</translation>
    </message>
    <message>
        <source>(overdue)</source>
        <translation>(försenad)</translation>
    </message>
</context>
<context>
    <name>ClientDialog</name>
    <message>
        <source>New client</source>
        <translation>Ny klient</translation>
    </message>
    <message>
        <source>Edit client</source>
        <translation>Ändra klient</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Namn</translation>
    </message>
    <message>
        <source>&amp;Personal number</source>
        <translation>&amp;Personnummer</translation>
    </message>
    <message>
        <source>YYYYMMDD-NNNN (optional)</source>
        <translation>ÅÅÅÅMMDD-NNNN (frivilligt)</translation>
    </message>
    <message>
        <source>Protected &amp;identity</source>
        <translation>Skyddade &amp;personuppgifter</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>&amp;Telefon</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Adress</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Postnummer</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>&amp;Languages</source>
        <translation>&amp;Språk</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translation>Tolk</translation>
    </message>
    <message>
        <source>Interpreter needed</source>
        <translation>Behöver tolk</translation>
    </message>
    <message>
        <source>Interpreter&apos;s language</source>
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
    <message>
        <source>Search name, case number or diary text</source>
        <translation>Sök namn, ärendenummer eller dagbokstext</translation>
    </message>
    <message>
        <source>Search clients</source>
        <translation>Sök klienter</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alla lägen</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Filter för läge</translation>
    </message>
    <message>
        <source>All districts</source>
        <translation>Alla stadsdelar</translation>
    </message>
    <message>
        <source>District filter</source>
        <translation>Filter för stadsdel</translation>
    </message>
    <message>
        <source>My cases</source>
        <translation>Mina ärenden</translation>
    </message>
    <message>
        <source>Number of clients</source>
        <translation>Antal klienter</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Klienter</translation>
    </message>
    <message>
        <source>S protected identity · B decision ends ≤ 14 days · R court ≤ 7 days</source>
        <translation>S skyddade personuppgifter · B beslut slutar ≤ 14 dagar · R rättegång ≤ 7 dagar</translation>
    </message>
    <message>
        <source>Protected identity</source>
        <translation>Skyddade personuppgifter</translation>
    </message>
    <message>
        <source>Decision ends within 14 days</source>
        <translation>Beslutet slutar inom 14 dagar</translation>
    </message>
    <message>
        <source>Court date within 7 days</source>
        <translation>Rättegång inom 7 dagar</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n träff</numerusform>
            <numerusform>%n träffar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n client(s)</source>
        <translation>
            <numerusform>%n klient</numerusform>
            <numerusform>%n klienter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n+ match(es), counting…</source>
        <translation>
            <numerusform>%n+ träff, räknar …</numerusform>
            <numerusform>%n+ träffar, räknar …</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClientPanels</name>
    <message>
        <source>Overview</source>
        <translation>Översikt</translation>
    </message>
    <message>
        <source>Diary</source>
        <translation>Dagbok</translation>
    </message>
    <message>
        <source>Safety plan</source>
        <translation>Säkerhetsplan</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risk</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Nätverk</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>Barn</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>Rättegång</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historik</translation>
    </message>
</context>
<context>
    <name>ClientView</name>
    <message>
        <source>Client name</source>
        <translation>Klientens namn</translation>
    </message>
    <message>
        <source>&amp;Edit client…</source>
        <translation>&amp;Ändra klient…</translation>
    </message>
    <message>
        <source>Edit client</source>
        <translation>Ändra klient</translation>
    </message>
    <message>
        <source>Client sections</source>
        <translation>Klientens delar</translation>
    </message>
    <message>
        <source>Languages: {langs}</source>
        <translation>Språk: {langs}</translation>
    </message>
    <message>
        <source>interpreter needed</source>
        <translation>behöver tolk</translation>
    </message>
    <message>
        <source>Address: {mask} (protected)</source>
        <translation>Adress: {mask} (skyddad)</translation>
    </message>
    <message>
        <source>Address hidden</source>
        <translation>Adressen är dold</translation>
    </message>
    <message>
        <source>Address: {address}</source>
        <translation>Adress: {address}</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adress</translation>
    </message>
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
    <name>CloseCaseDialog</name>
    <message>
        <source>Close case</source>
        <translation>Avsluta ärende</translation>
    </message>
    <message>
        <source>Closing &amp;date</source>
        <translation>Avslutas &amp;den</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Orsak</translation>
    </message>
    <message>
        <source>e.g. goals reached, moved, declined further support</source>
        <translation>t.ex. målen nådda, flyttat, tackat nej till fortsatt stöd</translation>
    </message>
</context>
<context>
    <name>CloseManDialog</name>
    <message>
        <source>Close his case</source>
        <translation>Avsluta hans ärende</translation>
    </message>
    <message>
        <source>&amp;Outcome</source>
        <translation>&amp;Utfall</translation>
    </message>
    <message>
        <source>Closing &amp;date</source>
        <translation>Avslut&amp;sdatum</translation>
    </message>
</context>
<context>
    <name>Common</name>
    <message>
        <source>Something went wrong ({kind}). Nothing more is shown, to protect client data.</source>
        <translation>Något gick fel ({kind}). Inget mer visas, för att skydda klientuppgifter.</translation>
    </message>
    <message>
        <source>Athena</source>
        <translation>Athena</translation>
    </message>
</context>
<context>
    <name>ConflictBanner</name>
    <message>
        <source>There are 2 versions of some details for this client.</source>
        <translation>Det finns 2 versioner av uppgifter för den här klienten.</translation>
    </message>
    <message>
        <source>Choose &amp;version…</source>
        <translation>Välj &amp;version…</translation>
    </message>
    <message>
        <source>Show the details kept in two versions</source>
        <translation>Visa uppgifterna som finns i två versioner</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Two versions</source>
        <translation>Två versioner</translation>
    </message>
    <message>
        <source>Two workers changed the same details before their laptops synced. Athena keeps both versions and shows the first one until you choose. Your choice travels to the team at the next sync.</source>
        <translation>Två stödjare ändrade samma uppgifter innan deras datorer hann synka. Athena sparar båda versionerna och visar den första tills du väljer. Ditt val går ut till teamet vid nästa synk.</translation>
    </message>
    <message>
        <source>Record / version</source>
        <translation>Post / version</translation>
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
        <source>Written by</source>
        <translation>Skriven av</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Dator</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Details kept in two versions</source>
        <translation>Uppgifter i två versioner</translation>
    </message>
    <message>
        <source>Nothing to choose: every detail has one version.</source>
        <translation>Inget att välja: alla uppgifter har en version.</translation>
    </message>
    <message>
        <source>&amp;Keep this version</source>
        <translation>&amp;Behåll den här versionen</translation>
    </message>
    <message>
        <source>Keep the selected version</source>
        <translation>Behåll den valda versionen</translation>
    </message>
    <message>
        <source>Keep the &amp;record</source>
        <translation>Behåll &amp;posten</translation>
    </message>
    <message>
        <source>&amp;Delete the record</source>
        <translation>&amp;Ta bort posten</translation>
    </message>
    <message>
        <source>{n} versions</source>
        <translation>{n} versioner</translation>
    </message>
    <message>
        <source>Shown now</source>
        <translation>Visas nu</translation>
    </message>
    <message>
        <source>Version {n}</source>
        <translation>Version {n}</translation>
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
    <name>CreateDiaryScreen</name>
    <message>
        <source>Create your diary</source>
        <translation>Skapa din dagbok</translation>
    </message>
    <message>
        <source>Athena keeps everything encrypted on this computer. Choose a passphrase of several words that only you know.</source>
        <translation>Athena sparar allt krypterat på den här datorn. Välj en lösenfras av flera ord som bara du känner till.</translation>
    </message>
    <message>
        <source>Important: a forgotten passphrase cannot be recovered. Without it, nobody — not even the IT department — can open the diary.</source>
        <translation>Viktigt: en glömd lösenfras går inte att återskapa. Utan den kan ingen – inte ens IT-avdelningen – öppna dagboken.</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Varning</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Lösenfras</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>Upprepa lösenfrasen</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>Lösenfrasens styrka</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ditt namn</translation>
    </message>
    <message>
        <source>Women&apos;s support worker</source>
        <translation>Kvinnostödjare</translation>
    </message>
    <message>
        <source>Your title</source>
        <translation>Din titel</translation>
    </message>
    <message>
        <source>Women&apos;s support</source>
        <translation>Kvinnostöd</translation>
    </message>
    <message>
        <source>Men&apos;s support</source>
        <translation>Mansstöd</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Lösenfras</translation>
    </message>
    <message>
        <source>&amp;Repeat</source>
        <translation>&amp;Upprepa</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Styrka</translation>
    </message>
    <message>
        <source>Your &amp;name</source>
        <translation>Ditt &amp;namn</translation>
    </message>
    <message>
        <source>Your &amp;title</source>
        <translation>Din &amp;titel</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>Verksamhet</translation>
    </message>
    <message>
        <source>&amp;Create diary</source>
        <translation>&amp;Skapa dagbok</translation>
    </message>
    <message>
        <source>Create diary</source>
        <translation>Skapa dagbok</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>De två lösenfraserna är inte likadana.</translation>
    </message>
    <message>
        <source>Write your name: it signs your diary entries.</source>
        <translation>Skriv ditt namn: det signerar dina anteckningar.</translation>
    </message>
    <message>
        <source>Choose at least one track.</source>
        <translation>Välj minst en verksamhet.</translation>
    </message>
    <message>
        <source>Men&apos;s support worker</source>
        <translation>Mansstödjare</translation>
    </message>
    <message>
        <source>I am the team lead (log follow-up and retention)</source>
        <translation>Jag är teamledare (loggranskning och gallring)</translation>
    </message>
    <message>
        <source>For this diary&apos;s own log; in a synced team the team names its leads.</source>
        <translation>För dagbokens egen logg; i ett synkat team utser teamet sina teamledare.</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Roll</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>New decision</source>
        <translation>Nytt beslut</translation>
    </message>
    <message>
        <source>&amp;Referring unit</source>
        <translation>&amp;Beställande enhet</translation>
    </message>
    <message>
        <source>&amp;District</source>
        <translation>&amp;Stadsdel</translation>
    </message>
    <message>
        <source>Decision &amp;date</source>
        <translation>Besluts&amp;datum</translation>
    </message>
    <message>
        <source>&amp;Start of support</source>
        <translation>Insatsen &amp;börjar</translation>
    </message>
    <message>
        <source>&amp;End of period</source>
        <translation>Perioden &amp;slutar</translation>
    </message>
    <message>
        <source>Case &amp;officer</source>
        <translation>&amp;Handläggare</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
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
        <source>Diary entries, newest first</source>
        <translation>Dagboksanteckningar, nyaste först</translation>
    </message>
    <message>
        <source>Si&amp;gn</source>
        <translation>Si&amp;gnera</translation>
    </message>
    <message>
        <source>Co&amp;rrect…</source>
        <translation>&amp;Rätta…</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>Ta bort utkast</translation>
    </message>
    <message>
        <source>Diary, newest first</source>
        <translation>Dagbok, nyaste först</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>signerad</translation>
    </message>
    <message>
        <source>DRAFT, not signed</source>
        <translation>UTKAST, inte signerad</translation>
    </message>
    <message>
        <source>↳ Correction of the entry of {day}</source>
        <translation>↳ Rättelse av anteckningen från {day}</translation>
    </message>
    <message>
        <source>↳ Correction of an earlier entry</source>
        <translation>↳ Rättelse av en tidigare anteckning</translation>
    </message>
    <message numerus="yes">
        <source>⚠ Corrected by a later entry (%n)</source>
        <translation>
            <numerusform>⚠ Rättad av en senare anteckning (%n)</numerusform>
            <numerusform>⚠ Rättad av senare anteckningar (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Open draft</source>
        <translation>&amp;Öppna utkast</translation>
    </message>
</context>
<context>
    <name>DistrictDialog</name>
    <message>
        <source>Change district</source>
        <translation>Byt stadsdel</translation>
    </message>
    <message>
        <source>&amp;Decision</source>
        <translation>&amp;Beslut</translation>
    </message>
    <message>
        <source>Decision of {day} ({district})</source>
        <translation>Beslut {day} ({district})</translation>
    </message>
    <message>
        <source>&amp;New district</source>
        <translation>&amp;Ny stadsdel</translation>
    </message>
    <message>
        <source>&amp;Valid from</source>
        <translation>&amp;Gäller från</translation>
    </message>
    <message>
        <source>Reports for periods that ended before this day keep the old district. To correct a mistake for every period, give the start of the support.</source>
        <translation>Rapporter för perioder som slutade före den dagen behåller den gamla stadsdelen. Ange insatsens startdag för att rätta ett fel för alla perioder.</translation>
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
        <source>Cancel correction</source>
        <translation>Avbryt rättelse</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Alt+%1 toggles this kind of support</source>
        <translation>Alt+%1 slår på eller av den här stödformen</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivitet</translation>
    </message>
    <message>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <source>Duration in minutes</source>
        <translation>Tid i minuter</translation>
    </message>
    <message>
        <source>What happened, what was said and done, by whom</source>
        <translation>Vad hände, vad sades och gjordes, av vem</translation>
    </message>
    <message>
        <source>Entry text</source>
        <translation>Anteckningens text</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Spara utkast</translation>
    </message>
    <message>
        <source>Save and &amp;sign</source>
        <translation>Spara och &amp;signera</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Retur</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Datum</translation>
    </message>
    <message>
        <source>&amp;Activity</source>
        <translation>&amp;Aktivitet</translation>
    </message>
    <message>
        <source>D&amp;uration</source>
        <translation>&amp;Tid</translation>
    </message>
    <message>
        <source>Correction of the entry of {day}. The original stays as it was.</source>
        <translation>Rättelse av anteckningen från {day}. Originalet finns kvar som det var.</translation>
    </message>
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
    <name>ExportStatus</name>
    <message>
        <source>Export progress</source>
        <translation>Exportens förlopp</translation>
    </message>
    <message>
        <source>%v of %m clients</source>
        <translation>%v av %m klienter</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>Avbryt exporten</translation>
    </message>
    <message>
        <source>An export is already running.</source>
        <translation>En export pågår redan.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporterar…</translation>
    </message>
    <message>
        <source>Cancelling the export…</source>
        <translation>Avbryter exporten…</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>Exporterat till {path}</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>Exporten avbröts; ingen fil skrevs.</translation>
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
        <source>Interpreter&apos;s language</source>
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
    <message>
        <source>Action</source>
        <translation>Åtgärd</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Done by</source>
        <translation>Utförd av</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tidpunkt</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>Kontrollsumma</translation>
    </message>
    <message>
        <source>Latest checksum</source>
        <translation>Senaste kontrollsumma</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Local time</source>
        <translation>Lokal tid</translation>
    </message>
    <message>
        <source>Marked on</source>
        <translation>Markerad den</translation>
    </message>
    <message>
        <source>Sequence number</source>
        <translation>Löpnummer</translation>
    </message>
    <message>
        <source>Device of origin</source>
        <translation>Ursprungsdator</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Previous checksum</source>
        <translation>Föregående kontrollsumma</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Orsak</translation>
    </message>
    <message>
        <source>Sealed at</source>
        <translation>Förseglad</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Team member</source>
        <translation>Teammedlem</translation>
    </message>
    <message>
        <source>Team lead</source>
        <translation>Teamledare</translation>
    </message>
    <message>
        <source>Named by</source>
        <translation>Utsedd av</translation>
    </message>
    <message>
        <source>Named</source>
        <translation>Utsedd</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signatur</translation>
    </message>
</context>
<context>
    <name>FollowupModel</name>
    <message>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Medarbetare</translation>
    </message>
    <message>
        <source>Did</source>
        <translation>Gjorde</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Akt</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Kontroller</translation>
    </message>
    <message>
        <source>opened</source>
        <translation>öppnade</translation>
    </message>
    <message>
        <source>searched</source>
        <translation>sökte</translation>
    </message>
    <message>
        <source>listed</source>
        <translation>listade</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>skrev ut</translation>
    </message>
    <message>
        <source>exported</source>
        <translation>exporterade</translation>
    </message>
    <message>
        <source>showed address</source>
        <translation>visade adress</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importerade</translation>
    </message>
    <message>
        <source>purged</source>
        <translation>gallrade</translation>
    </message>
    <message numerus="yes">
        <source>(%n records)</source>
        <translation>
            <numerusform>(%n akt)</numerusform>
            <numerusform>(%n akter)</numerusform>
        </translation>
    </message>
    <message>
        <source>Protected identity ({ref})</source>
        <translation>Skyddad identitet ({ref})</translation>
    </message>
    <message>
        <source>Not in this diary ({ref})</source>
        <translation>Finns inte i dagboken ({ref})</translation>
    </message>
    <message>
        <source>no entry of their own</source>
        <translation>ingen egen anteckning</translation>
    </message>
    <message>
        <source>protected identity</source>
        <translation>skyddad identitet</translation>
    </message>
    <message>
        <source>unusual hours</source>
        <translation>ovanlig tid</translation>
    </message>
    <message>
        <source>many records in a short time</source>
        <translation>många akter på kort tid</translation>
    </message>
</context>
<context>
    <name>FollowupScreen</name>
    <message>
        <source>Log follow-up</source>
        <translation>Loggranskning</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Första dag</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Sista dag</translation>
    </message>
    <message>
        <source>All workers</source>
        <translation>Alla medarbetare</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Medarbetare</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>Vad som gjordes</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Allt</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Öppnade</translation>
    </message>
    <message>
        <source>Searched</source>
        <translation>Sökte</translation>
    </message>
    <message>
        <source>Listed</source>
        <translation>Listade</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Skrev ut</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exporterade</translation>
    </message>
    <message>
        <source>Showed an address</source>
        <translation>Visade en adress</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importerade</translation>
    </message>
    <message>
        <source>Purged</source>
        <translation>Gallrade</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Kontroll</translation>
    </message>
    <message>
        <source>No check</source>
        <translation>Ingen kontroll</translation>
    </message>
    <message>
        <source>Opened without an entry of their own</source>
        <translation>Öppnad utan egen anteckning</translation>
    </message>
    <message>
        <source>Protected identity opened</source>
        <translation>Skyddad identitet öppnad</translation>
    </message>
    <message>
        <source>Unusual hours</source>
        <translation>Ovanlig tid</translation>
    </message>
    <message>
        <source>Many records in a short time</source>
        <translation>Många akter på kort tid</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Visa</translation>
    </message>
    <message>
        <source>Access log</source>
        <translation>Åtkomstlogg</translation>
    </message>
    <message>
        <source>Show more</source>
        <translation>Visa fler</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportera CSV…</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>Exportera JSON…</translation>
    </message>
    <message>
        <source>Reading the log…</source>
        <translation>Läser loggen…</translation>
    </message>
    <message numerus="yes">
        <source>%n rows shown</source>
        <translation>
            <numerusform>%n rad visas</numerusform>
            <numerusform>%n rader visas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n flagged</source>
        <translation>
            <numerusform>%n markerad</numerusform>
            <numerusform>%n markerade</numerusform>
        </translation>
    </message>
    <message>
        <source>more in the log</source>
        <translation>fler i loggen</translation>
    </message>
    <message>
        <source>Export the log follow-up</source>
        <translation>Exportera loggranskningen</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporterar…</translation>
    </message>
    <message>
        <source>Saved {path}.</source>
        <translation>Sparade {path}.</translation>
    </message>
    <message>
        <source>My access log</source>
        <translation>Min åtkomstlogg</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Vem</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Vad</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Fält</translation>
    </message>
    <message>
        <source>Audit trail of this client</source>
        <translation>Logg för den här klienten</translation>
    </message>
</context>
<context>
    <name>IncidentCalendar</name>
    <message>
        <source>Incident calendar: days with violence</source>
        <translation>Händelsekalender: dagar med våld</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>År</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Allvarlighetsgrad</translation>
    </message>
    <message>
        <source>No violence marked</source>
        <translation>Inget våld markerat</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>What happened, in her words (optional)</source>
        <translation>Vad som hände, med hennes ord (frivilligt)</translation>
    </message>
    <message>
        <source>Save mark</source>
        <translation>Spara markering</translation>
    </message>
    <message>
        <source>Remove mark</source>
        <translation>Ta bort markering</translation>
    </message>
    <message>
        <source>Selected day</source>
        <translation>Vald dag</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Månad</translation>
    </message>
    <message>
        <source>Days with violence</source>
        <translation>Dagar med våld</translation>
    </message>
    <message>
        <source>Most severe</source>
        <translation>Allvarligast</translation>
    </message>
    <message>
        <source>Frequency, month by month</source>
        <translation>Hur ofta, månad för månad</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>Lindrig</translation>
    </message>
    <message>
        <source>Serious</source>
        <translation>Allvarlig</translation>
    </message>
    <message>
        <source>Severe</source>
        <translation>Grov</translation>
    </message>
    <message>
        <source>Life-threatening</source>
        <translation>Livshotande</translation>
    </message>
    <message>
        <source>More or more severe violence in the last three months than in the three before: escalating.</source>
        <translation>Mer eller grövre våld de senaste tre månaderna än de tre dessförinnan: eskalerande.</translation>
    </message>
    <message>
        <source>Less violence in the last three months than in the three before.</source>
        <translation>Mindre våld de senaste tre månaderna än de tre dessförinnan.</translation>
    </message>
    <message>
        <source>No clear change between the last three months and the three before.</source>
        <translation>Ingen tydlig förändring mellan de senaste tre månaderna och de tre dessförinnan.</translation>
    </message>
    <message>
        <source>Incident calendar</source>
        <translation>Händelsekalender</translation>
    </message>
</context>
<context>
    <name>ItemPage</name>
    <message>
        <source>Answer</source>
        <translation>Svar</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>Vägledning</translation>
    </message>
    <message>
        <source>Comment on this item: what she said, examples, sources</source>
        <translation>Kommentar till frågan: vad hon sa, exempel, källor</translation>
    </message>
    <message>
        <source>Comment on this item</source>
        <translation>Kommentar till frågan</translation>
    </message>
    <message>
        <source>← Previous</source>
        <translation>← Föregående</translation>
    </message>
    <message>
        <source>Next →</source>
        <translation>Nästa →</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>No guidance for this item.</source>
        <translation>Ingen vägledning för den här frågan.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <source>Don&apos;t know</source>
        <translation>Vet inte</translation>
    </message>
</context>
<context>
    <name>JudgementPage</name>
    <message>
        <source>Role</source>
        <translation>Roll</translation>
    </message>
    <message>
        <source>Who (relation or name)</source>
        <translation>Vem (relation eller namn)</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>Personer</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>Lägg till person</translation>
    </message>
    <message>
        <source>Remove person</source>
        <translation>Ta bort person</translation>
    </message>
    <message>
        <source>Save persons</source>
        <translation>Spara personer</translation>
    </message>
    <message>
        <source>Persons: several who may use violence and several at risk are possible</source>
        <translation>Personer: flera som kan utöva våld och flera som är i riskzonen kan anges</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>Scenarier</translation>
    </message>
    <message>
        <source>Scenarios: rate each one low, medium or high</source>
        <translation>Scenarier: bedöm vart och ett som låg, medel eller hög</translation>
    </message>
    <message>
        <source>Role of person {n}</source>
        <translation>Roll för person {n}</translation>
    </message>
    <message>
        <source>May use violence</source>
        <translation>Kan utöva våld</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>I riskzonen</translation>
    </message>
    <message>
        <source>Who is person {n} (relation or name)</source>
        <translation>Vem är person {n} (relation eller namn)</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Incoming</source>
        <translation>På ingång</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Avslutad</translation>
    </message>
    <message>
        <source>Practical support</source>
        <translation>Praktiskt stöd</translation>
    </message>
    <message>
        <source>Support talk</source>
        <translation>Stödsamtal</translation>
    </message>
    <message>
        <source>Civic information</source>
        <translation>Samhällsinformation</translation>
    </message>
    <message>
        <source>Court support</source>
        <translation>Rättegångsstöd</translation>
    </message>
    <message>
        <source>(no activity)</source>
        <translation>(ingen aktivitet)</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Möte</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Telefonsamtal</translation>
    </message>
    <message>
        <source>Police report</source>
        <translation>Polisanmälan</translation>
    </message>
    <message>
        <source>Health care</source>
        <translation>Vården</translation>
    </message>
    <message>
        <source>Dentist</source>
        <translation>Tandläkare</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Banken</translation>
    </message>
    <message>
        <source>Visit to an authority</source>
        <translation>Besök hos myndighet</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>Rättegång</translation>
    </message>
    <message>
        <source>Housing</source>
        <translation>Boende</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Annat</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Inga</translation>
    </message>
    <message>
        <source>Confidentiality marking</source>
        <translation>Sekretessmarkering</translation>
    </message>
    <message>
        <source>Protected registration</source>
        <translation>Skyddad folkbokföring</translation>
    </message>
    <message>
        <source>Fictitious identity</source>
        <translation>Fingerade personuppgifter</translation>
    </message>
    <message>
        <source>Safe</source>
        <translation>Trygg</translation>
    </message>
    <message>
        <source>Unsafe</source>
        <translation>Inte trygg</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Vet inte</translation>
    </message>
    <message>
        <source>Not informed</source>
        <translation>Inte informerad</translation>
    </message>
    <message>
        <source>Informed</source>
        <translation>Informerad</translation>
    </message>
    <message>
        <source>Linked to Trappan</source>
        <translation>Länkad till Trappan</translation>
    </message>
    <message>
        <source>Did not happen</source>
        <translation>Blev inte av</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Skapade</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Ändrade</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Tog bort</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Öppnade</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Skrev ut</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exporterade</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Klient</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Beslut</translation>
    </message>
    <message>
        <source>Extension</source>
        <translation>Förlängning</translation>
    </message>
    <message>
        <source>Diary entry</source>
        <translation>Dagboksanteckning</translation>
    </message>
    <message>
        <source>Network contact</source>
        <translation>Nätverkskontakt</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Barn</translation>
    </message>
    <message>
        <source>Court appointment</source>
        <translation>Rättegångstillfälle</translation>
    </message>
    <message>
        <source>Safety plan</source>
        <translation>Säkerhetsplan</translation>
    </message>
    <message>
        <source>Risk assessment</source>
        <translation>Risk- och hotbedömning</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Händelse</translation>
    </message>
    <message>
        <source>Women&apos;s support</source>
        <translation>Kvinnostöd</translation>
    </message>
    <message>
        <source>Men&apos;s support</source>
        <translation>Mansstöd</translation>
    </message>
    <message>
        <source>%n min</source>
        <translation>%n min</translation>
    </message>
    <message>
        <source>Protected details shown</source>
        <translation>Skyddade uppgifter visade</translation>
    </message>
</context>
<context>
    <name>LeadTools</name>
    <message>
        <source>&amp;Log follow-up…</source>
        <translation>&amp;Loggranskning…</translation>
    </message>
    <message>
        <source>&amp;My access log…</source>
        <translation>&amp;Min åtkomstlogg…</translation>
    </message>
    <message>
        <source>R&amp;etention…</source>
        <translation>&amp;Gallring…</translation>
    </message>
    <message>
        <source>What the access log holds about your own work</source>
        <translation>Vad åtkomstloggen innehåller om ditt eget arbete</translation>
    </message>
    <message>
        <source>Checking whether you are the team lead…</source>
        <translation>Kontrollerar om du är teamledare…</translation>
    </message>
</context>
<context>
    <name>ManCaseView</name>
    <message>
        <source>He has attended three talks: register him as a case of his own.</source>
        <translation>Han har varit på tre samtal: registrera honom som ett eget ärende.</translation>
    </message>
    <message>
        <source>&amp;Register as a case…</source>
        <translation>&amp;Registrera som ärende…</translation>
    </message>
    <message>
        <source>New &amp;talk…</source>
        <translation>Nytt &amp;samtal…</translation>
    </message>
    <message>
        <source>&amp;Edit details…</source>
        <translation>Ä&amp;ndra uppgifter…</translation>
    </message>
    <message>
        <source>Open &amp;investigation…</source>
        <translation>Inled &amp;utredning…</translation>
    </message>
    <message>
        <source>Other &amp;help…</source>
        <translation>Annan &amp;hjälp…</translation>
    </message>
    <message>
        <source>Refer &amp;on…</source>
        <translation>Slussa &amp;vidare…</translation>
    </message>
    <message>
        <source>&amp;Close case…</source>
        <translation>&amp;Avsluta ärendet…</translation>
    </message>
    <message>
        <source>His case</source>
        <translation>Hans ärende</translation>
    </message>
    <message>
        <source>Referral source</source>
        <translation>Remittent</translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation>Hänvisad av</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Stadsdel</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>First contact</source>
        <translation>Första kontakt</translation>
    </message>
    <message>
        <source>Investigation</source>
        <translation>Utredning</translation>
    </message>
    <message>
        <source>Other help</source>
        <translation>Annan hjälp</translation>
    </message>
    <message>
        <source>Own case</source>
        <translation>Eget ärende</translation>
    </message>
    <message>
        <source>Referred on</source>
        <translation>Slussad vidare</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <source>Motivation</source>
        <translation>Motivation</translation>
    </message>
    <message>
        <source>Status history</source>
        <translation>Statushistorik</translation>
    </message>
    <message>
        <source>Talks</source>
        <translation>Samtal</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Närvaro</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Min</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Anteckningar</translation>
    </message>
    <message>
        <source>Risk, partner</source>
        <translation>Risk partner</translation>
    </message>
    <message>
        <source>Risk, children</source>
        <translation>Risk barn</translation>
    </message>
    <message>
        <source>Choose a talk to read its notes.</source>
        <translation>Välj ett samtal för att läsa anteckningarna.</translation>
    </message>
    <message>
        <source>Notes from the chosen talk</source>
        <translation>Anteckningar från det valda samtalet</translation>
    </message>
    <message>
        <source>No case number yet</source>
        <translation>Inget ärendenummer än</translation>
    </message>
    <message numerus="yes">
        <source>%n talk(s) attended</source>
        <translation>
            <numerusform>%n samtal genomfört</numerusform>
            <numerusform>%n samtal genomförda</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancelled or missed</source>
        <translation>
            <numerusform>%n inställt eller uteblivet</numerusform>
            <numerusform>%n inställda eller uteblivna</numerusform>
        </translation>
    </message>
    <message>
        <source>No change recorded since the first contact.</source>
        <translation>Inga ändringar sedan den första kontakten.</translation>
    </message>
    <message>
        <source>from the start</source>
        <translation>från början</translation>
    </message>
    <message>
        <source>Close &amp;investigation…</source>
        <translation>Avsluta &amp;utredning…</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ingen</translation>
    </message>
    <message>
        <source>opened {start}, closed {end}</source>
        <translation>inledd {start}, avslutad {end}</translation>
    </message>
    <message>
        <source>open since {start}</source>
        <translation>pågår sedan {start}</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <source>{number}, registered {day}</source>
        <translation>{number}, registrerat {day}</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Inte än</translation>
    </message>
    <message>
        <source>three-talk rule met</source>
        <translation>tresamtalsregeln uppfylld</translation>
    </message>
    <message>
        <source>(no notes)</source>
        <translation>(inga anteckningar)</translation>
    </message>
    <message>
        <source>Register as a case of his own</source>
        <translation>Registrera som eget ärende</translation>
    </message>
    <message>
        <source>&amp;Registered on</source>
        <translation>&amp;Registrerat den</translation>
    </message>
    <message>
        <source>Close the investigation</source>
        <translation>Avsluta utredningen</translation>
    </message>
    <message>
        <source>&amp;Closed on</source>
        <translation>&amp;Avslutad den</translation>
    </message>
    <message>
        <source>Open an investigation</source>
        <translation>Inled en utredning</translation>
    </message>
    <message>
        <source>&amp;Opened on</source>
        <translation>&amp;Inledd den</translation>
    </message>
</context>
<context>
    <name>ManDialog</name>
    <message>
        <source>New man in contact</source>
        <translation>Ny man i kontakt</translation>
    </message>
    <message>
        <source>Edit details</source>
        <translation>Ändra uppgifter</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Namn</translation>
    </message>
    <message>
        <source>Referral &amp;source</source>
        <translation>&amp;Remittent</translation>
    </message>
    <message>
        <source>Referred &amp;by</source>
        <translation>Hänvisad &amp;av</translation>
    </message>
    <message>
        <source>e.g. the unit or case officer (optional)</source>
        <translation>t.ex. enheten eller handläggaren (frivilligt)</translation>
    </message>
    <message>
        <source>&amp;District</source>
        <translation>&amp;Stadsdel</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>(inte angiven)</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>&amp;Telefon</translation>
    </message>
    <message>
        <source>&amp;Personal number</source>
        <translation>&amp;Personnummer</translation>
    </message>
    <message>
        <source>YYYYMMDD-NNNN (optional)</source>
        <translation>ÅÅÅÅMMDD-NNNN (frivilligt)</translation>
    </message>
    <message>
        <source>&amp;First contact</source>
        <translation>&amp;Första kontakt</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>Changes &amp;valid from</source>
        <translation>Ändringarna &amp;gäller från</translation>
    </message>
    <message>
        <source>A new referral source or district counts from this day on; reports for periods that ended before keep the old one.</source>
        <translation>En ny remittent eller stadsdel räknas från den här dagen; rapporter för perioder som slutade före behåller den gamla.</translation>
    </message>
</context>
<context>
    <name>MenLabels</name>
    <message>
        <source>In contact</source>
        <translation>I kontakt</translation>
    </message>
    <message>
        <source>Registered case</source>
        <translation>Registrerat ärende</translation>
    </message>
    <message>
        <source>Referred on</source>
        <translation>Slussad vidare</translation>
    </message>
    <message>
        <source>Not motivated</source>
        <translation>Inte motiverad</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Avslutad</translation>
    </message>
    <message>
        <source>Social services unit</source>
        <translation>Socialtjänstens enhet</translation>
    </message>
    <message>
        <source>Court order</source>
        <translation>Domstolsbeslut</translation>
    </message>
    <message>
        <source>Police</source>
        <translation>Polisen</translation>
    </message>
    <message>
        <source>Self-referral</source>
        <translation>Egen kontakt</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Annat</translation>
    </message>
    <message>
        <source>Not assessed</source>
        <translation>Inte bedömd</translation>
    </message>
    <message>
        <source>Motivated</source>
        <translation>Motiverad</translation>
    </message>
    <message>
        <source>Ambivalent</source>
        <translation>Ambivalent</translation>
    </message>
    <message>
        <source>Talks completed</source>
        <translation>Samtalen genomförda</translation>
    </message>
    <message>
        <source>Dropped out</source>
        <translation>Avbröt</translation>
    </message>
    <message>
        <source>Moved away</source>
        <translation>Flyttade</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Kom</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Inställt</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>Uteblev</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Låg</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>Förhöjd</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hög</translation>
    </message>
    <message>
        <source>Violence</source>
        <translation>Våld</translation>
    </message>
    <message>
        <source>Responsibility</source>
        <translation>Ansvar</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Sammanhang</translation>
    </message>
    <message>
        <source>Consequences</source>
        <translation>Konsekvens</translation>
    </message>
    <message>
        <source>Alternatives</source>
        <translation>Alternativ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Referral source</source>
        <translation>Remittent</translation>
    </message>
    <message>
        <source>Motivation</source>
        <translation>Motivation</translation>
    </message>
    <message>
        <source>Needs other help</source>
        <translation>Behöver annan hjälp</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Stadsdel</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
</context>
<context>
    <name>MenListPane</name>
    <message>
        <source>Men&apos;s support</source>
        <translation>Mansstöd</translation>
    </message>
    <message>
        <source>Search name, case number, phone or talk notes</source>
        <translation>Sök namn, ärendenummer, telefon eller samtalsanteckning</translation>
    </message>
    <message>
        <source>Search men</source>
        <translation>Sök män</translation>
    </message>
    <message>
        <source>All men</source>
        <translation>Alla män</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>Pågående ärenden</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Statusfilter</translation>
    </message>
    <message>
        <source>Number of men</source>
        <translation>Antal män</translation>
    </message>
    <message>
        <source>Men</source>
        <translation>Män</translation>
    </message>
    <message>
        <source>● three talks attended: register as a case of his own</source>
        <translation>● tre samtal: registrera som eget ärende</translation>
    </message>
    <message numerus="yes">
        <source>%n talk(s)</source>
        <translation>
            <numerusform>%n samtal</numerusform>
            <numerusform>%n samtal</numerusform>
        </translation>
    </message>
    <message>
        <source>Three talks attended: register him as a case of his own</source>
        <translation>Tre samtal: registrera honom som eget ärende</translation>
    </message>
    <message numerus="yes">
        <source>%n man/men</source>
        <translation>
            <numerusform>%n man</numerusform>
            <numerusform>%n män</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MenStatisticsScreen</name>
    <message>
        <source>For publication (counts 1–4 as &quot;&lt; 5&quot;)</source>
        <translation>För publicering (antal 1–4 som &quot;&lt; 5&quot;)</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Visa</translation>
    </message>
    <message>
        <source>Men&apos;s statistics for the period</source>
        <translation>Mansstödets statistik för perioden</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Exportera PDF…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportera CSV…</translation>
    </message>
    <message>
        <source>Export Excel…</source>
        <translation>Exportera Excel…</translation>
    </message>
    <message>
        <source>Statuses and classifications are counted as they were at the period&apos;s end; definitions in the user guide (docs/reports.md).</source>
        <translation>Status och klassificeringar räknas som de var vid periodens slut; definitioner i användarhandledningen (docs/reports.md).</translation>
    </message>
    <message>
        <source>The period must end after it starts.</source>
        <translation>Perioden måste sluta efter att den börjar.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Räknar…</translation>
    </message>
    <message>
        <source>The report could not be made.</source>
        <translation>Rapporten kunde inte tas fram.</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Exportera rapport</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporterar…</translation>
    </message>
    <message>
        <source>Saved {file}</source>
        <translation>Sparade {file}</translation>
    </message>
</context>
<context>
    <name>MenTodayScreen</name>
    <message>
        <source>Today, {day} – men&apos;s support</source>
        <translation>Idag, {day} – mansstöd</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Uppdatera</translation>
    </message>
    <message>
        <source>Three talks attended: register as a case</source>
        <translation>Tre samtal: registrera som ärende</translation>
    </message>
    <message>
        <source>Raised risk noted at the latest talk</source>
        <translation>Förhöjd risk vid senaste samtalet</translation>
    </message>
    <message>
        <source>Open investigations</source>
        <translation>Pågående utredningar</translation>
    </message>
    <message>
        <source>No talk in the last 30 days</source>
        <translation>Inget samtal de senaste 30 dagarna</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… och %n till</numerusform>
            <numerusform>… och %n till</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing here.</source>
        <translation>Inget här.</translation>
    </message>
    <message>
        <source>{name} – {n} talks</source>
        <translation>{name} – {n} samtal</translation>
    </message>
    <message>
        <source>{day}  {name} – partner: {partner}, children: {children}</source>
        <translation>{day}  {name} – partnern: {partner}, barnen: {children}</translation>
    </message>
</context>
<context>
    <name>MensWorkspace</name>
    <message>
        <source>Open a man&apos;s case first.</source>
        <translation>Öppna en mans ärende först.</translation>
    </message>
</context>
<context>
    <name>OtherHelpDialog</name>
    <message>
        <source>Needs other help</source>
        <translation>Behöver annan hjälp</translation>
    </message>
    <message>
        <source>Other help</source>
        <translation>Annan hjälp</translation>
    </message>
    <message>
        <source>He needs other help than the talks</source>
        <translation>Han behöver annan hjälp än samtalen</translation>
    </message>
    <message>
        <source>&amp;Which help</source>
        <translation>&amp;Vilken hjälp</translation>
    </message>
    <message>
        <source>e.g. addiction care, psychiatry, debt counselling</source>
        <translation>t.ex. beroendevård, psykiatri, skuldrådgivning</translation>
    </message>
    <message>
        <source>&amp;Valid from</source>
        <translation>&amp;Gäller från</translation>
    </message>
</context>
<context>
    <name>OverviewPanel</name>
    <message>
        <source>&amp;Open case</source>
        <translation>&amp;Öppna ärende</translation>
    </message>
    <message>
        <source>Add &amp;decision</source>
        <translation>Nytt &amp;beslut</translation>
    </message>
    <message>
        <source>E&amp;xtend 3 months</source>
        <translation>Förl&amp;äng 3 månader</translation>
    </message>
    <message>
        <source>Extend the latest decision by three months</source>
        <translation>Förläng det senaste beslutet med tre månader</translation>
    </message>
    <message>
        <source>First &amp;contact today</source>
        <translation>Första &amp;kontakt idag</translation>
    </message>
    <message>
        <source>Close &amp;case…</source>
        <translation>Avsluta ä&amp;rende…</translation>
    </message>
    <message>
        <source>Case overview</source>
        <translation>Ärendeöversikt</translation>
    </message>
    <message>
        <source>No case yet. Open a case when the referral comes in.</source>
        <translation>Inget ärende än. Öppna ett ärende när beställningen kommer in.</translation>
    </message>
    <message>
        <source>Case {number} – {status}</source>
        <translation>Ärende {number} – {status}</translation>
    </message>
    <message>
        <source>Referred</source>
        <translation>Beställt</translation>
    </message>
    <message>
        <source>First contact</source>
        <translation>Första kontakt</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Avslutad</translation>
    </message>
    <message>
        <source>Closing reason</source>
        <translation>Orsak till avslut</translation>
    </message>
    <message>
        <source>No decision yet: the client is incoming.</source>
        <translation>Inget beslut än: klienten är på ingång.</translation>
    </message>
    <message>
        <source>Decision of {day}</source>
        <translation>Beslut {day}</translation>
    </message>
    <message>
        <source>Referring unit</source>
        <translation>Beställande enhet</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Stadsdel</translation>
    </message>
    <message>
        <source>Case officer</source>
        <translation>Handläggare</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Extension</source>
        <translation>Förlängning</translation>
    </message>
    <message numerus="yes">
        <source>%n month(s), granted {granted}, until {until}</source>
        <translation>
            <numerusform>%n månad, beviljad {granted}, till {until}</numerusform>
            <numerusform>%n månader, beviljad {granted}, till {until}</numerusform>
        </translation>
    </message>
    <message>
        <source>Support ends</source>
        <translation>Insatsen slutar</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
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
    <message>
        <source>Change dis&amp;trict…</source>
        <translation>Byt stads&amp;del…</translation>
    </message>
    <message>
        <source>Move a decision to another district from a chosen day on</source>
        <translation>Flytta ett beslut till en annan stadsdel från en vald dag</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <source>Week</source>
        <translation>Vecka</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Månad</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>År</translation>
    </message>
    <message>
        <source>Custom period</source>
        <translation>Egen period</translation>
    </message>
    <message>
        <source>Kind of period</source>
        <translation>Typ av period</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>Föregående period</translation>
    </message>
    <message>
        <source>Next period</source>
        <translation>Nästa period</translation>
    </message>
    <message>
        <source>First day of the period</source>
        <translation>Periodens första dag</translation>
    </message>
    <message>
        <source>Last day of the period</source>
        <translation>Periodens sista dag</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Period:</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <source>Lock after idle minutes</source>
        <translation>Lås efter så många minuter utan aktivitet</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Språk</translation>
    </message>
    <message>
        <source>&amp;Lock after</source>
        <translation>&amp;Lås efter</translation>
    </message>
    <message>
        <source>Athena also locks at once with Ctrl+L, and when the computer goes to sleep or the screen saver starts.</source>
        <translation>Athena låses också direkt med Ctrl+L, och när datorn går i viloläge eller skärmsläckaren startar.</translation>
    </message>
    <message>
        <source>District share (sync)</source>
        <translation>Distriktets delade mapp (synk)</translation>
    </message>
    <message>
        <source>A folder, \\server\share\folder or smb://server/share/folder</source>
        <translation>En mapp, \\server\delning\mapp eller smb://server/delning/mapp</translation>
    </message>
    <message>
        <source>Share location</source>
        <translation>Delad mapp</translation>
    </message>
    <message>
        <source>Kept inside the encrypted diary, not in the computer&apos;s settings.</source>
        <translation>Sparas i den krypterade dagboken, inte i datorns inställningar.</translation>
    </message>
    <message>
        <source>{name} ({track}), {n} laptops</source>
        <translation>{name} ({track}), {n} datorer</translation>
    </message>
    <message>
        <source>This diary belongs to:</source>
        <translation>Den här dagboken hör till:</translation>
    </message>
    <message>
        <source>&amp;Share</source>
        <translation>&amp;Delad mapp</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
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
    <name>RecordPanel</name>
    <message>
        <source>Stored records</source>
        <translation>Sparade uppgifter</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Ny</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>S&amp;para</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Ta bort</translation>
    </message>
</context>
<context>
    <name>Records</name>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>Safe for her?</source>
        <translation>Trygg för henne?</translation>
    </message>
    <message>
        <source>How to reach</source>
        <translation>Hur nås</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>Födelseår</translation>
    </message>
    <message>
        <source>Trappan talks</source>
        <translation>Trappan-samtal</translation>
    </message>
    <message>
        <source>Informed on</source>
        <translation>Informerad den</translation>
    </message>
    <message>
        <source>Linked on</source>
        <translation>Länkad den</translation>
    </message>
    <message>
        <source>Why Trappan did not happen</source>
        <translation>Varför Trappan inte blev av</translation>
    </message>
    <message>
        <source>Guardians consent</source>
        <translation>Vårdnadshavarnas samtycke</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Datum och tid</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>Domstol</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>Målnummer</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Sal</translation>
    </message>
    <message>
        <source>Meeting point</source>
        <translation>Mötesplats</translation>
    </message>
    <message>
        <source>Counsel for the injured party</source>
        <translation>Målsägandebiträde</translation>
    </message>
    <message>
        <source>Prosecutor</source>
        <translation>Åklagare</translation>
    </message>
    <message>
        <source>Accompanied by</source>
        <translation>Följs av</translation>
    </message>
    <message>
        <source>Safe entry and exit arranged</source>
        <translation>Säker in- och utpassage ordnad</translation>
    </message>
    <message>
        <source>Separate waiting room</source>
        <translation>Separat väntrum</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
</context>
<context>
    <name>ReferDialog</name>
    <message>
        <source>Refer on</source>
        <translation>Slussa vidare</translation>
    </message>
    <message>
        <source>Referred on &amp;to</source>
        <translation>Slussad vidare &amp;till</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Datum</translation>
    </message>
</context>
<context>
    <name>ReferenceEditor</name>
    <message>
        <source>Reference lists</source>
        <translation>Referenslistor</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Lista</translation>
    </message>
    <message>
        <source>Districts</source>
        <translation>Stadsdelar</translation>
    </message>
    <message>
        <source>Referring units</source>
        <translation>Beställande enheter</translation>
    </message>
    <message>
        <source>Legal references</source>
        <translation>Lagrum</translation>
    </message>
    <message>
        <source>&amp;List:</source>
        <translation>&amp;Lista:</translation>
    </message>
    <message>
        <source>Items in use</source>
        <translation>I bruk</translation>
    </message>
    <message>
        <source>Retired (kept on existing cases, not offered for new ones):</source>
        <translation>Utgångna (finns kvar på gamla ärenden, erbjuds inte för nya):</translation>
    </message>
    <message>
        <source>Retired items</source>
        <translation>Utgångna</translation>
    </message>
    <message>
        <source>New name</source>
        <translation>Nytt namn</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>Lägg &amp;till</translation>
    </message>
    <message>
        <source>&amp;Retire</source>
        <translation>&amp;Ta ur bruk</translation>
    </message>
    <message>
        <source>&amp;Bring back</source>
        <translation>Ta i &amp;bruk igen</translation>
    </message>
    <message>
        <source>Changes reach the team&apos;s other laptops with the next sync.</source>
        <translation>Ändringarna når teamets andra datorer vid nästa synkning.</translation>
    </message>
    <message>
        <source>Added: {name}.</source>
        <translation>Tillagd: {name}.</translation>
    </message>
    <message>
        <source>Retired: {name}.</source>
        <translation>Tagen ur bruk: {name}.</translation>
    </message>
</context>
<context>
    <name>ReportScreen</name>
    <message>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>For publication (counts 1–4 as &quot;&lt; 5&quot;)</source>
        <translation>För publicering (antal 1–4 som ”&lt; 5”)</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Visa</translation>
    </message>
    <message>
        <source>Statistics and team meeting</source>
        <translation>Statistik och teammöte</translation>
    </message>
    <message>
        <source>Statistics for the period</source>
        <translation>Statistik för perioden</translation>
    </message>
    <message>
        <source>Team meeting</source>
        <translation>Teammöte</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Exportera PDF…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportera CSV…</translation>
    </message>
    <message>
        <source>Export Excel…</source>
        <translation>Exportera Excel…</translation>
    </message>
    <message>
        <source>The period must end after it starts.</source>
        <translation>Perioden måste sluta efter att den börjar.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Räknar…</translation>
    </message>
    <message>
        <source>The report could not be made.</source>
        <translation>Rapporten kunde inte tas fram.</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Exportera rapport</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporterar…</translation>
    </message>
    <message>
        <source>Saved {file}</source>
        <translation>Sparade {file}</translation>
    </message>
    <message>
        <source>Chart: {title}</source>
        <translation>Diagram: {title}</translation>
    </message>
    <message>
        <source>Title on the first page (e.g. Slutrapport 2025)</source>
        <translation>Titel på första sidan (t.ex. Slutrapport 2025)</translation>
    </message>
    <message>
        <source>Report title</source>
        <translation>Rapportens titel</translation>
    </message>
    <message>
        <source>Project (e.g. the funder&apos;s reference)</source>
        <translation>Projekt (t.ex. bidragsgivarens diarienummer)</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>{n} MB</source>
        <translation>{n} MB</translation>
    </message>
    <message>
        <source>{n} kB</source>
        <translation>{n} kB</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Daglig</translation>
    </message>
    <message>
        <source>Taken by hand</source>
        <translation>Tagen för hand</translation>
    </message>
    <message>
        <source>Before an upgrade</source>
        <translation>Före en uppgradering</translation>
    </message>
    <message>
        <source>Before a new key</source>
        <translation>Före en ny nyckel</translation>
    </message>
    <message>
        <source>Before an import</source>
        <translation>Före en import</translation>
    </message>
    <message>
        <source>Before a removal</source>
        <translation>Före en gallring</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>Före en återställning</translation>
    </message>
    <message>
        <source>Before demo data</source>
        <translation>Före demodata</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Återställ från en säkerhetskopia</translation>
    </message>
    <message>
        <source>Choose the backup to bring back. What is in the diary now is kept first, as a backup of its own (or, if it is damaged, as a file beside it): nothing is overwritten without a copy.</source>
        <translation>Välj den säkerhetskopia som ska tas tillbaka. Det som finns i dagboken nu sparas först, som en egen säkerhetskopia (eller, om den är skadad, som en fil bredvid): inget skrivs över utan en kopia.</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Tagen</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Storlek</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Varför</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Var</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Säkerhetskopior</translation>
    </message>
    <message>
        <source>Looking for backups…</source>
        <translation>Letar efter säkerhetskopior…</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Lösenfras</translation>
    </message>
    <message>
        <source>Your current &amp;passphrase</source>
        <translation>Din nuvarande &amp;lösenfras</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meddelande</translation>
    </message>
    <message>
        <source>&amp;Restore this backup</source>
        <translation>&amp;Återställ den här säkerhetskopian</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Den här datorn</translation>
    </message>
    <message>
        <source>Second folder</source>
        <translation>Andra mappen</translation>
    </message>
    <message>
        <source>There are no backups of this diary on this computer or in the second folder.</source>
        <translation>Det finns inga säkerhetskopior av den här dagboken på den här datorn eller i den andra mappen.</translation>
    </message>
    <message>
        <source>Wrong passphrase.</source>
        <translation>Fel lösenfras.</translation>
    </message>
</context>
<context>
    <name>RetentionScreen</name>
    <message>
        <source>Retention</source>
        <translation>Gallring</translation>
    </message>
    <message>
        <source>Records due</source>
        <translation>Akter att gallra</translation>
    </message>
    <message>
        <source>Preview again</source>
        <translation>Förhandsgranska igen</translation>
    </message>
    <message>
        <source>Purge…</source>
        <translation>Gallra…</translation>
    </message>
    <message>
        <source>Purge log (never names or numbers):</source>
        <translation>Gallringslogg (aldrig namn eller nummer):</translation>
    </message>
    <message>
        <source>Purge log</source>
        <translation>Gallringslogg</translation>
    </message>
    <message>
        <source>Checking the rules…</source>
        <translation>Går igenom reglerna…</translation>
    </message>
    <message>
        <source>Rules: {rules}. This diary keeps everything: nothing is purged.</source>
        <translation>Regler: {rules}. Den här dagboken sparar allt: ingenting gallras.</translation>
    </message>
    <message>
        <source>Rules: {rules}. A record is purged {years} years after its last entry, by the end of the following year; records of people born on day {days} of a month are marked for the archive authority instead.</source>
        <translation>Regler: {rules}. En akt gallras {years} år efter den sista anteckningen, senast vid utgången av året därpå; akter om personer födda dag {days} i månaden märks i stället för arkivmyndigheten.</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) due for purging</source>
        <translation>
            <numerusform>%n akt ska gallras</numerusform>
            <numerusform>%n akter ska gallras</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) in all</source>
        <translation>
            <numerusform>%n rad totalt</numerusform>
            <numerusform>%n rader totalt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to mark for the archive</source>
        <translation>
            <numerusform>%n att märka för arkivet</numerusform>
            <numerusform>%n att märka för arkivet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n kept for now</source>
        <translation>
            <numerusform>%n sparas tills vidare</numerusform>
            <numerusform>%n sparas tills vidare</numerusform>
        </translation>
    </message>
    <message>
        <source>{at} {actor}: {n} records purged ({rows} rows), {a} marked for the archive ({rules})</source>
        <translation>{at} {actor}: {n} akter gallrade ({rows} rader), {a} märkta för arkivet ({rules})</translation>
    </message>
    <message>
        <source>Purge for good</source>
        <translation>Gallra för gott</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) will be removed for good, on every laptop of the team, with their backups. Type the number of records to confirm:</source>
        <translation>
            <numerusform>%n akt tas bort för gott, på teamets alla datorer och i säkerhetskopiorna. Skriv antalet akter för att bekräfta:</numerusform>
            <numerusform>%n akter tas bort för gott, på teamets alla datorer och i säkerhetskopiorna. Skriv antalet akter för att bekräfta:</numerusform>
        </translation>
    </message>
    <message>
        <source>Not confirmed; nothing was purged.</source>
        <translation>Inte bekräftat; ingenting gallrades.</translation>
    </message>
    <message>
        <source>Purging…</source>
        <translation>Gallrar…</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) purged</source>
        <translation>
            <numerusform>%n akt gallrad</numerusform>
            <numerusform>%n akter gallrade</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n older backup(s) replaced</source>
        <translation>
            <numerusform>%n äldre säkerhetskopia ersatt</numerusform>
            <numerusform>%n äldre säkerhetskopior ersatta</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RiskChart</name>
    <message>
        <source>Incidents per month and risk assessments</source>
        <translation>Händelser per månad och riskbedömningar</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>Lindrig</translation>
    </message>
    <message>
        <source>Serious</source>
        <translation>Allvarlig</translation>
    </message>
    <message>
        <source>Severe</source>
        <translation>Grov</translation>
    </message>
    <message>
        <source>Life-threatening</source>
        <translation>Livshotande</translation>
    </message>
    <message>
        <source>Days with violence</source>
        <translation>Dagar med våld</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Låg</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Medel</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hög</translation>
    </message>
    <message>
        <source>Assessed risk</source>
        <translation>Bedömd risk</translation>
    </message>
    <message>
        <source>Her own estimate</source>
        <translation>Hennes egen bedömning</translation>
    </message>
    <message>
        <source>escalating</source>
        <translation>eskalerande</translation>
    </message>
    <message>
        <source>calming</source>
        <translation>avtagande</translation>
    </message>
    <message>
        <source>steady</source>
        <translation>oförändrat</translation>
    </message>
    <message>
        <source>{days} days with violence marked since {month}; the last three months: {trend}.</source>
        <translation>{days} dagar med våld markerade sedan {month}; de senaste tre månaderna: {trend}.</translation>
    </message>
</context>
<context>
    <name>RiskPanel</name>
    <message>
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <source>Start from the last answers</source>
        <translation>Utgå från de senaste svaren</translation>
    </message>
    <message>
        <source>The new assessment starts with the answers of the last completed one; go through every item again with her.</source>
        <translation>Den nya bedömningen börjar med svaren från den senast slutförda; gå igenom varje fråga igen tillsammans med henne.</translation>
    </message>
    <message>
        <source>New assessment</source>
        <translation>Ny bedömning</translation>
    </message>
    <message>
        <source>Assessments of this client</source>
        <translation>Klientens bedömningar</translation>
    </message>
    <message>
        <source>Assessment, incident calendar and risk over time</source>
        <translation>Bedömning, händelsekalender och risk över tid</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Bedömning</translation>
    </message>
    <message>
        <source>Incident calendar</source>
        <translation>Händelsekalender</translation>
    </message>
    <message>
        <source>Over time</source>
        <translation>Över tid</translation>
    </message>
    <message>
        <source>(licensed)</source>
        <translation>(licensierat)</translation>
    </message>
    <message>
        <source>Some instrument files could not be loaded:</source>
        <translation>Några instrumentfiler kunde inte läsas in:</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>slutförd</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>utkast</translation>
    </message>
    <message>
        <source>A risk assessment is due: none has been completed for this current case.</source>
        <translation>En risk- och hotbedömning behövs: ingen har slutförts i detta aktuella ärende.</translation>
    </message>
    <message>
        <source>A risk assessment is due: the last one was on {date}, more than three months ago.</source>
        <translation>En risk- och hotbedömning behövs: den senaste gjordes {date}, för mer än tre månader sedan.</translation>
    </message>
    <message>
        <source>A risk assessment is due: {n} new incident(s) since the last one on {date}.</source>
        <translation>En risk- och hotbedömning behövs: {n} nya händelser sedan den senaste {date}.</translation>
    </message>
    <message>
        <source>Risk assessment</source>
        <translation>Risk- och hotbedömning</translation>
    </message>
    <message>
        <source>The instrument of this assessment is not available here; its result is still shown in the list and the chart.</source>
        <translation>Bedömningens instrument finns inte här; resultatet visas ändå i listan och i diagrammet.</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risk</translation>
    </message>
</context>
<context>
    <name>SafetyPlanPanel</name>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>Jämför…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Skriv ut…</translation>
    </message>
    <message>
        <source>Save as new version</source>
        <translation>Spara som ny version</translation>
    </message>
    <message>
        <source>Sections of the safety plan</source>
        <translation>Säkerhetsplanens delar</translation>
    </message>
    <message>
        <source>Sensitive: left out of a discreet printout unless included on purpose</source>
        <translation>Känslig: utelämnas i en diskret utskrift om den inte uttryckligen tas med</translation>
    </message>
    <message>
        <source>Text of the section</source>
        <translation>Delens text</translation>
    </message>
    <message>
        <source>Tick the people she can call (from the network map):</source>
        <translation>Kryssa för de personer hon kan ringa (från nätverkskartan):</translation>
    </message>
    <message>
        <source>People she can call</source>
        <translation>Personer hon kan ringa</translation>
    </message>
    <message>
        <source>Printed title</source>
        <translation>Titel på utskriften</translation>
    </message>
    <message>
        <source>A neutral title of her choice, e.g. “My week”</source>
        <translation>En neutral titel som hon väljer, t.ex. ”Min vecka”</translation>
    </message>
    <message>
        <source>Her language</source>
        <translation>Hennes språk</translation>
    </message>
    <message>
        <source>After risk assessment</source>
        <translation>Efter risk- och hotbedömning</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>What changed and why (for the file, never printed)</source>
        <translation>Vad som ändrats och varför (för akten, skrivs aldrig ut)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ingen)</translation>
    </message>
    <message>
        <source>Version {n} · {date} · {who}</source>
        <translation>Version {n} · {date} · {who}</translation>
    </message>
    <message>
        <source>No safety plan yet: fill in the sections and save.</source>
        <translation>Ingen säkerhetsplan än: fyll i delarna och spara.</translation>
    </message>
    <message>
        <source>Showing version {n}. Saving makes a new version.</source>
        <translation>Visar version {n}. När du sparar skapas en ny version.</translation>
    </message>
    <message>
        <source>Saved as version {n}.</source>
        <translation>Sparad som version {n}.</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>Något gick fel.</translation>
    </message>
    <message>
        <source>Compare versions</source>
        <translation>Jämför versioner</translation>
    </message>
    <message>
        <source>Older version</source>
        <translation>Äldre version</translation>
    </message>
    <message>
        <source>Newer version</source>
        <translation>Nyare version</translation>
    </message>
    <message>
        <source>Version {n}</source>
        <translation>Version {n}</translation>
    </message>
    <message>
        <source>Differences between the versions</source>
        <translation>Skillnader mellan versionerna</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Jämför</translation>
    </message>
    <message>
        <source>added</source>
        <translation>tillagd</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>borttagen</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>ändrad</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>oförändrad</translation>
    </message>
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
        <source>Print safety plan</source>
        <translation>Skriv ut säkerhetsplan</translation>
    </message>
    <message>
        <source>Discreet (to take home)</source>
        <translation>Diskret (att ta med hem)</translation>
    </message>
    <message>
        <source>Full (for the file)</source>
        <translation>Fullständig (för akten)</translation>
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
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>A neutral title of her choice</source>
        <translation>En neutral titel som hon väljer</translation>
    </message>
    <message>
        <source>Print her name</source>
        <translation>Skriv ut hennes namn</translation>
    </message>
    <message>
        <source>Include the sensitive sections</source>
        <translation>Ta med de känsliga delarna</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Läge</translation>
    </message>
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
    <name>ScenarioBox</name>
    <message>
        <source>Risk: {scenario}</source>
        <translation>Risk: {scenario}</translation>
    </message>
    <message>
        <source>Not rated</source>
        <translation>Inte bedömd</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Låg</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Medel</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hög</translation>
    </message>
    <message>
        <source>Why this rating: {scenario}</source>
        <translation>Varför denna bedömning: {scenario}</translation>
    </message>
    <message>
        <source>Why this rating</source>
        <translation>Varför denna bedömning</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risk</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Concerns</source>
        <translation>Gäller</translation>
    </message>
</context>
<context>
    <name>SyncConflicts</name>
    <message>
        <source>Client</source>
        <translation>Klient</translation>
    </message>
    <message>
        <source>Network contact</source>
        <translation>Nätverkskontakt</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Barn</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Beslut</translation>
    </message>
    <message>
        <source>Extension</source>
        <translation>Förlängning</translation>
    </message>
    <message>
        <source>Legal reference</source>
        <translation>Lagrum</translation>
    </message>
    <message>
        <source>Diary entry</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>Court date</source>
        <translation>Rättegång</translation>
    </message>
    <message>
        <source>Safety plan</source>
        <translation>Säkerhetsplan</translation>
    </message>
    <message>
        <source>Risk assessment</source>
        <translation>Riskbedömning</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Händelse</translation>
    </message>
    <message>
        <source>Client (men&apos;s track)</source>
        <translation>Klient (mansspåret)</translation>
    </message>
    <message>
        <source>Talk (men&apos;s track)</source>
        <translation>Samtal (mansspåret)</translation>
    </message>
    <message>
        <source>deleted on one laptop, changed on another</source>
        <translation>borttagen på en dator, ändrad på en annan</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
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
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adress</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Postnummer</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>How to contact</source>
        <translation>Hur hon nås</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Interpreter needed</source>
        <translation>Tolk behövs</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Syncing…</source>
        <translation>Synkar…</translation>
    </message>
    <message>
        <source>Sync is not set up: choose the share in Preferences.</source>
        <translation>Synk är inte inställd: välj den delade mappen under Inställningar.</translation>
    </message>
    <message>
        <source>This diary is not in a team yet (athena team join FILE).</source>
        <translation>Dagboken hör inte till något team än (athena team join FIL).</translation>
    </message>
    <message>
        <source>The share cannot be reached (not connected, or a wrong path). Nothing was changed; Athena tries again in a minute.</source>
        <translation>Den delade mappen går inte att nå (inte ansluten eller fel sökväg). Inget har ändrats; Athena försöker igen om en minut.</translation>
    </message>
    <message>
        <source>Sync problem: {text}</source>
        <translation>Synkproblem: {text}</translation>
    </message>
    <message>
        <source>Sync not set up</source>
        <translation>Synk inte inställd</translation>
    </message>
    <message>
        <source>Choose the share in Preferences; join a team with athena team join FILE.</source>
        <translation>Välj den delade mappen under Inställningar; gå med i ett team med athena team join FIL.</translation>
    </message>
    <message>
        <source>Synced {time}</source>
        <translation>Synkad {time}</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Inte synkad än</translation>
    </message>
    <message>
        <source>Last sync with the team&apos;s share</source>
        <translation>Senaste synk med teamets delade mapp</translation>
    </message>
    <message>
        <source>Waiting to sync: {n}</source>
        <translation>Väntar på synk: {n}</translation>
    </message>
    <message>
        <source>2 versions ({n})</source>
        <translation>2 versioner ({n})</translation>
    </message>
    <message>
        <source>Details kept in two versions: {n}. Choose one.</source>
        <translation>Uppgifter i två versioner: {n}. Välj en.</translation>
    </message>
    <message>
        <source>This laptop was removed from the team: it no longer sends or receives the team&apos;s data. Its own diary is kept.</source>
        <translation>Den här datorn är borttagen ur teamet: den skickar och tar inte längre emot teamets uppgifter. Dess egen dagbok finns kvar.</translation>
    </message>
    <message>
        <source>This laptop&apos;s clock is {hours} hours ahead: set the clock right; its changes are kept until then.</source>
        <translation>Datorns klocka går {hours} timmar före: ställ klockan rätt; ändringarna sparas tills dess.</translation>
    </message>
</context>
<context>
    <name>TalkDialog</name>
    <message>
        <source>Talk {n}</source>
        <translation>Samtal {n}</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Datum</translation>
    </message>
    <message>
        <source>&amp;VASKA</source>
        <translation>&amp;VASKA</translation>
    </message>
    <message>
        <source>The team&apos;s &amp;own method</source>
        <translation>Teamets &amp;egen metod</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Metod</translation>
    </message>
    <message>
        <source>VASKA themes</source>
        <translation>VASKA-teman</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Tema</translation>
    </message>
    <message>
        <source>the theme in the team&apos;s own method</source>
        <translation>temat i teamets egen metod</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>D&amp;uration</source>
        <translation>&amp;Längd</translation>
    </message>
    <message>
        <source>&amp;Attendance</source>
        <translation>&amp;Närvaro</translation>
    </message>
    <message>
        <source>Risk to &amp;partner</source>
        <translation>Risk för &amp;partnern</translation>
    </message>
    <message>
        <source>Risk to &amp;children</source>
        <translation>Risk för &amp;barnen</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Anteckningar</translation>
    </message>
</context>
<context>
    <name>TodayScreen</name>
    <message>
        <source>Today, {day}</source>
        <translation>Idag, {day}</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Uppdatera</translation>
    </message>
    <message>
        <source>Court dates in the coming 7 days</source>
        <translation>Rättegångar de kommande 7 dagarna</translation>
    </message>
    <message>
        <source>Decisions ending within 14 days</source>
        <translation>Beslut som slutar inom 14 dagar</translation>
    </message>
    <message>
        <source>Referrals without a first contact</source>
        <translation>Beställningar utan första kontakt</translation>
    </message>
    <message>
        <source>My unsigned entries</source>
        <translation>Mina osignerade anteckningar</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… och %n till</numerusform>
            <numerusform>… och %n till</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing here.</source>
        <translation>Inget här.</translation>
    </message>
    <message>
        <source>&amp;Print court-day sheet…</source>
        <translation>&amp;Skriv ut rättegångsblad …</translation>
    </message>
    <message>
        <source>Print court-day sheet</source>
        <translation>Skriv ut rättegångsblad</translation>
    </message>
    <message>
        <source>Risk assessments due</source>
        <translation>Risk- och hotbedömningar som behövs</translation>
    </message>
    <message>
        <source>never assessed</source>
        <translation>aldrig bedömd</translation>
    </message>
    <message numerus="yes">
        <source>%n incident(s) since the assessment of {day}</source>
        <translation>
            <numerusform>%n ny händelse sedan bedömningen {day}</numerusform>
            <numerusform>%n nya händelser sedan bedömningen {day}</numerusform>
        </translation>
    </message>
    <message>
        <source>last assessed {day}</source>
        <translation>senast bedömd {day}</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <source>The diary is locked. Enter your passphrase to open it.</source>
        <translation>Dagboken är låst. Skriv din lösenfras för att öppna den.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Lösenfras</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Lösenfras</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Lås upp</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Lås upp</translation>
    </message>
    <message>
        <source>Locked. Enter your passphrase to continue.</source>
        <translation>Låst. Skriv din lösenfras för att fortsätta.</translation>
    </message>
    <message>
        <source>Wrong passphrase.</source>
        <translation>Fel lösenfras.</translation>
    </message>
    <message>
        <source>Restore from a &amp;backup…</source>
        <translation>Återställ från en &amp;säkerhetskopia…</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Återställ från en säkerhetskopia</translation>
    </message>
</context>
<context>
    <name>WeekView</name>
    <message>
        <source>Current</source>
        <translation>Aktuella</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>På ingång</translation>
    </message>
    <message>
        <source>Referred this week</source>
        <translation>Aktualiserade denna vecka</translation>
    </message>
    <message>
        <source>Ending within 14 days</source>
        <translation>Löper ut inom 14 dagar</translation>
    </message>
    <message>
        <source>Court dates this week</source>
        <translation>Rättegångar denna vecka</translation>
    </message>
    <message>
        <source>Decisions ending within 14 days</source>
        <translation>Beslut som löper ut inom 14 dagar</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>Slutar</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Klient</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>Domstol</translation>
    </message>
    <message>
        <source>Protected identity</source>
        <translation>Skyddade personuppgifter</translation>
    </message>
    <message>
        <source>Week {start} – {end}</source>
        <translation>Vecka {start} – {end}</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>&amp;Diary</source>
        <translation>&amp;Dagbok</translation>
    </message>
    <message>
        <source>&amp;New man in contact…</source>
        <translation>&amp;Ny man i kontakt…</translation>
    </message>
    <message>
        <source>Export &amp;whole diary…</source>
        <translation>Exportera &amp;hela dagboken…</translation>
    </message>
    <message>
        <source>&amp;New client…</source>
        <translation>&amp;Ny klient…</translation>
    </message>
    <message>
        <source>&amp;Export client…</source>
        <translation>&amp;Exportera klient…</translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation>S&amp;ynka nu</translation>
    </message>
    <message>
        <source>Two &amp;versions…</source>
        <translation>Två &amp;versioner…</translation>
    </message>
    <message>
        <source>&amp;Reference lists…</source>
        <translation>&amp;Referenslistor…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Säkerhetskopiera nu</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>Å&amp;terställ från en säkerhetskopia…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Lås</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Inställningar…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avsluta</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Visa</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;Idag</translation>
    </message>
    <message>
        <source>&amp;Find client</source>
        <translation>&amp;Sök klient</translation>
    </message>
    <message>
        <source>New &amp;diary entry</source>
        <translation>Ny &amp;dagboksanteckning</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>&amp;Rapporter</translation>
    </message>
    <message>
        <source>&amp;Find man</source>
        <translation>&amp;Sök man</translation>
    </message>
    <message>
        <source>New &amp;talk</source>
        <translation>Nytt &amp;samtal</translation>
    </message>
    <message>
        <source>&amp;Statistics</source>
        <translation>S&amp;tatistik</translation>
    </message>
    <message>
        <source>T&amp;rack</source>
        <translation>S&amp;pår</translation>
    </message>
    <message>
        <source>&amp;Women&apos;s support</source>
        <translation>&amp;Kvinnostöd</translation>
    </message>
    <message>
        <source>&amp;Men&apos;s support</source>
        <translation>&amp;Mansstöd</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Open a client first.</source>
        <translation>Öppna en klient först.</translation>
    </message>
</context>
<context>
    <name>_Card</name>
    <message>
        <source>Working</source>
        <translation>Arbetar</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meddelande</translation>
    </message>
</context>
</TS>
