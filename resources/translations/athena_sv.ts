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
</context>
<context>
    <name>AthenaWindow</name>
    <message>
        <source>&amp;Diary</source>
        <translation>&amp;Dagbok</translation>
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
        <source>Export &amp;whole diary…</source>
        <translation>Exportera &amp;hela dagboken…</translation>
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
        <source>Show &amp;address</source>
        <translation>Visa &amp;adress</translation>
    </message>
    <message>
        <source>Show the protected address (logged)</source>
        <translation>Visa den skyddade adressen (loggas)</translation>
    </message>
    <message>
        <source>The address is protected. Showing it is logged.</source>
        <translation>Adressen är skyddad. Att visa den loggas.</translation>
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
        <source>Address shown</source>
        <translation>Visade adressen</translation>
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
    <name>ReportScreen</name>
    <message>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
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
        <source>For publication (counts 1–4 as &quot;&lt; 5&quot;)</source>
        <translation>För publicering (antal 1–4 som ”&lt; 5”)</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Visa</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Period:</translation>
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
    <name>RiskFallback</name>
    <message>
        <source>Stored risk assessments</source>
        <translation>Sparade risk- och hotbedömningar</translation>
    </message>
    <message>
        <source>No risk assessment stored for this client.</source>
        <translation>Ingen risk- och hotbedömning sparad för klienten.</translation>
    </message>
    <message>
        <source>Assessor: {who}</source>
        <translation>Bedömare: {who}</translation>
    </message>
    <message>
        <source>Her own estimate: {e}</source>
        <translation>Hennes egen bedömning: {e}</translation>
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
    <name>SafetyPlanFallback</name>
    <message>
        <source>Safety plan versions</source>
        <translation>Säkerhetsplanens versioner</translation>
    </message>
    <message>
        <source>Safety plan sections</source>
        <translation>Säkerhetsplanens delar</translation>
    </message>
    <message>
        <source>One section per line, e.g.
safe_contacts: Syster, tel …
escape_route: …</source>
        <translation>En del per rad, t.ex.
safe_contacts: Syster, tel …
escape_route: …</translation>
    </message>
    <message>
        <source>New version, one section per line as key: value</source>
        <translation>Ny version, en del per rad som nyckel: värde</translation>
    </message>
    <message>
        <source>Save as new &amp;version</source>
        <translation>Spara som ny &amp;version</translation>
    </message>
    <message>
        <source>Save as new version</source>
        <translation>Spara som ny version</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versioner</translation>
    </message>
    <message>
        <source>New version (key: value per line)</source>
        <translation>Ny version (nyckel: värde per rad)</translation>
    </message>
    <message>
        <source>Version {n} – {day}</source>
        <translation>Version {n} – {day}</translation>
    </message>
    <message>
        <source>Saved by {who}</source>
        <translation>Sparad av {who}</translation>
    </message>
    <message>
        <source>No safety plan yet.</source>
        <translation>Ingen säkerhetsplan än.</translation>
    </message>
    <message>
        <source>Version {n}</source>
        <translation>Version {n}</translation>
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
        <source>[not safe]</source>
        <translation>[inte trygg]</translation>
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
        <source>Preview of the pages</source>
        <translation>Förhandsvisning av sidorna</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Spara som PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Skriv ut…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Left out of this printout:</source>
        <translation>Utelämnas i den här utskriften:</translation>
    </message>
    <message>
        <source>Making the document…</source>
        <translation>Skapar dokumentet…</translation>
    </message>
    <message>
        <source>Nothing.</source>
        <translation>Inget.</translation>
    </message>
    <message>
        <source>No page preview on this computer; the document is ready.</source>
        <translation>Ingen förhandsvisning på den här datorn; dokumentet är klart.</translation>
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
        <translation>Dokumentet kunde inte skapas.</translation>
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
        <source>Saved.</source>
        <translation>Sparat.</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Skriv ut</translation>
    </message>
    <message>
        <source>The printer did not accept the document.</source>
        <translation>Skrivaren tog inte emot dokumentet.</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Skickat till skrivaren.</translation>
    </message>
    <message>
        <source>This computer cannot print PDF pages; save the document as PDF and print it from there.</source>
        <translation>Den här datorn kan inte skriva ut PDF-sidor; spara dokumentet som PDF och skriv ut det därifrån.</translation>
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
    <name>Workspace</name>
    <message>
        <source>Open a client first.</source>
        <translation>Öppna en klient först.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporterar…</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>Exporterat till {path}</translation>
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
<context>
    <name>AthenaWindow</name>
    <message>
        <source>S&amp;ync now</source>
        <translation>S&amp;ynka nu</translation>
    </message>
    <message>
        <source>Two &amp;versions…</source>
        <translation>Två &amp;versioner…</translation>
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
    <name>PreferencesDialog</name>
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
        <source>This diary is not in a team yet. Ask a team member for an invitation file and its one-time code, then run: athena team join FILE</source>
        <translation>Den här dagboken hör inte till något team än. Be en teammedlem om en inbjudningsfil och dess engångskod och kör sedan: athena team join FIL</translation>
    </message>
    <message>
        <source>&amp;Share</source>
        <translation>&amp;Delad mapp</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
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
</TS>
