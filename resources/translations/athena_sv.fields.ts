<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>Fields</name>
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
        <source>Number</source>
        <translation>Antal</translation>
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
        <source>Name</source>
        <translation>Benämning</translation>
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
</context>
</TS>
