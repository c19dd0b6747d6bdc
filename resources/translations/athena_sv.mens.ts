<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
    <context>
        <name>AthenaWindow</name>
        <message>
            <source>&amp;New man in contact…</source>
            <translation>&amp;Ny man i kontakt…</translation>
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
            <source>&amp;Women's support</source>
            <translation>&amp;Kvinnostöd</translation>
        </message>
        <message>
            <source>&amp;Men's support</source>
            <translation>&amp;Mansstöd</translation>
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
        <name>CreateDiaryScreen</name>
        <message>
            <source>Men's support worker</source>
            <translation>Mansstödjare</translation>
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
            <source>Men's support</source>
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
            <source>For publication (counts 1–4 as "&lt; 5")</source>
            <translation>För publicering (antal 1–4 som "&lt; 5")</translation>
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
            <source>Men's statistics for the period</source>
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
            <source>Statuses and classifications are counted as they were at the period's end; definitions in the user guide (docs/reports.md).</source>
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
            <source>Today, {day} – men's support</source>
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
            <source>Open a man's case first.</source>
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
            <source>The team's &amp;own method</source>
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
            <source>the theme in the team's own method</source>
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
</TS>
