<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
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
        <source>Previous period</source>
        <translation>Föregående period</translation>
    </message>
    <message>
        <source>Next period</source>
        <translation>Nästa period</translation>
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
</TS>
