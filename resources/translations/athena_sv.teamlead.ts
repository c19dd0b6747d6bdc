<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
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
    <name>FollowupScreen</name>
    <message>
        <source>My access log</source>
        <translation>Min åtkomstlogg</translation>
    </message>
</context>
</TS>
