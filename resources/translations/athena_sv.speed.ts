<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>Workspace</name>
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
        <source>Cancelling the export…</source>
        <translation>Avbryter exporten…</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>Exporten avbröts; ingen fil skrevs.</translation>
    </message>
</context>
</TS>
