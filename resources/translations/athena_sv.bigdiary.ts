<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
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
    <name>TodayScreen</name>
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
</TS>
