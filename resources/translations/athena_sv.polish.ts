<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
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
        <source>&amp;Women's support</source>
        <translation>&amp;Kvinnostöd</translation>
    </message>
    <message>
        <source>&amp;Men's support</source>
        <translation>&amp;Mansstöd</translation>
    </message>
</context>
<context>
    <name>OverviewPanel</name>
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
</TS>
