<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
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
</TS>
