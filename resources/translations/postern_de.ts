<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Postern::AssertionsEditor</name>
    <message>
        <source>Choose</source>
        <translation>Auswählen</translation>
    </message>
    <message>
        <source>Assertions</source>
        <translation>Prüfungen</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Captures</source>
        <translation>Übernahmen</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Gültigkeitsbereich</translation>
    </message>
    <message>
        <source>Targets: res.status, res.statusText, res.responseTime, res.body, res.body.result[0].number (or $.result[0].number), res.headers.content-type. Values: 200, true, null, &quot;text&quot;.</source>
        <translation>Ziele: res.status, res.statusText, res.responseTime, res.body, res.body.result[0].number (oder $.result[0].number), res.headers.content-type. Werte: 200, true, null, &quot;text&quot;.</translation>
    </message>
    <message>
        <source>Assertions (after the scripts, reported like pm.test):</source>
        <translation>Prüfungen (nach den Skripten, gemeldet wie pm.test):</translation>
    </message>
    <message>
        <source>Capture (a value of the answer into a variable):</source>
        <translation>Übernehmen (einen Wert der Antwort in eine Variable):</translation>
    </message>
</context>
<context>
    <name>Postern::AtomicFile</name>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>Der Ordner %1 konnte nicht erstellt werden.</translation>
    </message>
    <message>
        <source>Could not open %1 for writing: %2</source>
        <translation>%1 konnte nicht zum Schreiben geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Could not restrict access to %1: %2</source>
        <translation>Der Zugriff auf %1 konnte nicht eingeschränkt werden: %2</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1 konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Could not open %1: %2</source>
        <translation>%1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Could not move %1 aside.</source>
        <translation>%1 konnte nicht zur Seite verschoben werden.</translation>
    </message>
</context>
<context>
    <name>Postern::AuthConfig</name>
    <message>
        <source>No Auth</source>
        <translation>Keine Authentifizierung</translation>
    </message>
    <message>
        <source>Basic Auth</source>
        <translation>Basic Auth</translation>
    </message>
    <message>
        <source>Bearer Token</source>
        <translation>Bearer Token</translation>
    </message>
    <message>
        <source>OAuth 2.0</source>
        <translation>OAuth 2.0</translation>
    </message>
    <message>
        <source>Inherit auth from parent</source>
        <translation>Authentifizierung vom übergeordneten Element erben</translation>
    </message>
</context>
<context>
    <name>Postern::AuthEditor</name>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <source>Authorization type</source>
        <translation>Autorisierungstyp</translation>
    </message>
    <message>
        <source>This request is in no collection: it is sent without authorization.</source>
        <translation>Diese Anfrage gehört zu keiner Sammlung und wird daher ohne Autorisierung gesendet.</translation>
    </message>
    <message>
        <source>This request does not use any authorization.</source>
        <translation>Diese Anfrage verwendet keine Autorisierung.</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Show password</source>
        <translation>Passwort anzeigen</translation>
    </message>
    <message>
        <source>T&amp;oken:</source>
        <translation>T&amp;oken:</translation>
    </message>
    <message>
        <source>Show token</source>
        <translation>Token anzeigen</translation>
    </message>
</context>
<context>
    <name>Postern::BodyEditor</name>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>XML</source>
        <translation>XML</translation>
    </message>
    <message>
        <source>HTML</source>
        <translation>HTML</translation>
    </message>
    <message>
        <source>JavaScript</source>
        <translation>JavaScript</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keiner</translation>
    </message>
    <message>
        <source>binary</source>
        <translation>binär</translation>
    </message>
    <message>
        <source>Body &amp;type:</source>
        <translation>Body-&amp;Typ:</translation>
    </message>
    <message>
        <source>This request has no body.</source>
        <translation>Diese Anfrage hat keinen Body.</translation>
    </message>
    <message>
        <source>Form fields</source>
        <translation>Formularfelder</translation>
    </message>
    <message>
        <source>Request body</source>
        <translation>Anfrage-Body</translation>
    </message>
    <message>
        <source>Form-data parts</source>
        <translation>Form-data-Teile</translation>
    </message>
    <message>
        <source>Choose &amp;File…</source>
        <translation>&amp;Datei wählen…</translation>
    </message>
    <message>
        <source>Choose a file for the current part</source>
        <translation>Eine Datei für den aktuellen Teil wählen</translation>
    </message>
    <message>
        <source>Send a file as the current part (or as a new one from the last row)</source>
        <translation>Eine Datei als aktuellen Teil senden (oder, aus der letzten Zeile, als neuen Teil)</translation>
    </message>
    <message>
        <source>The file whose bytes are the body</source>
        <translation>Die Datei, deren Bytes den Body bilden</translation>
    </message>
    <message>
        <source>Clear the file</source>
        <translation>Datei leeren</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Durch&amp;suchen…</translation>
    </message>
    <message>
        <source>Choose the file to send</source>
        <translation>Die zu sendende Datei wählen</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>File to send</source>
        <translation>Zu sendende Datei</translation>
    </message>
    <message>
        <source>Guessed from the file name</source>
        <translation>Aus dem Dateinamen ermittelt</translation>
    </message>
    <message>
        <source>&amp;Content type:</source>
        <translation>&amp;Inhaltstyp:</translation>
    </message>
    <message>
        <source>Content type of the file</source>
        <translation>Inhaltstyp der Datei</translation>
    </message>
    <message>
        <source>GraphQL query</source>
        <translation>GraphQL-Abfrage</translation>
    </message>
    <message>
        <source>GraphQL variables</source>
        <translation>GraphQL-Variablen</translation>
    </message>
    <message>
        <source>&amp;Query:</source>
        <translation>&amp;Abfrage:</translation>
    </message>
    <message>
        <source>&amp;Variables (JSON):</source>
        <translation>&amp;Variablen (JSON):</translation>
    </message>
    <message>
        <source>Raw (no Content-Type)</source>
        <translation>Roh (kein Content-Type)</translation>
    </message>
    <message>
        <source>Raw (%1)</source>
        <translation>Roh (%1)</translation>
    </message>
    <message>
        <source>A %1 request is sent without a body.</source>
        <translation>Eine %1-Anfrage wird ohne Body gesendet.</translation>
    </message>
    <message>
        <source>Working Directory: Postern Sends Files Only from This Folder</source>
        <translation>Arbeitsverzeichnis: Postern sendet nur Dateien aus diesem Ordner</translation>
    </message>
    <message>
        <source>The working directory was not changed: %1</source>
        <translation>Das Arbeitsverzeichnis wurde nicht geändert: %1</translation>
    </message>
    <message>
        <source>Working directory: %1. Requests send files only from this folder.</source>
        <translation>Arbeitsverzeichnis: %1. Anfragen senden nur Dateien aus diesem Ordner.</translation>
    </message>
    <message>
        <source>“%1” is outside the working directory “%2”: it is sent because you chose it, from this tab until Postern quits. Copy it into the working directory to keep it working (Settings &gt; Working Directory…).</source>
        <translation>„%1“ liegt außerhalb des Arbeitsverzeichnisses „%2“: Die Datei wird gesendet, weil Sie sie gewählt haben – von diesem Tab aus, bis Postern beendet wird. Kopieren Sie sie in das Arbeitsverzeichnis, damit es so bleibt (Einstellungen &gt; Arbeitsverzeichnis…).</translation>
    </message>
    <message>
        <source>Choose the File to Send</source>
        <translation>Die zu sendende Datei wählen</translation>
    </message>
    <message>
        <source>Choose a File for the Part</source>
        <translation>Eine Datei für den Teil wählen</translation>
    </message>
</context>
<context>
    <name>Postern::BodyIndex</name>
    <message>
        <source>The body is labelled %1 but is not valid %2 (%3). It is shown raw.</source>
        <translation>Der Body ist als %1 gekennzeichnet, ist aber kein gültiges %2 (%3). Er wird roh angezeigt.</translation>
    </message>
</context>
<context>
    <name>Postern::BodyText</name>
    <message>
        <source>The body&apos;s charset &quot;%1&quot; is not known here; it is shown as UTF-8.</source>
        <translation>Der Zeichensatz „%1“ des Bodys ist hier nicht bekannt; er wird als UTF-8 angezeigt.</translation>
    </message>
</context>
<context>
    <name>Postern::BrowserLauncher</name>
    <message>
        <source>Only http and https addresses are opened in the browser.</source>
        <translation>Im Browser werden nur http- und https-Adressen geöffnet.</translation>
    </message>
    <message>
        <source>The BROWSER environment variable names no program.</source>
        <translation>Die Umgebungsvariable BROWSER nennt kein Programm.</translation>
    </message>
    <message>
        <source>No program named in the BROWSER environment variable was found (%1).</source>
        <translation>Keines der in der Umgebungsvariable BROWSER genannten Programme wurde gefunden (%1).</translation>
    </message>
    <message>
        <source>%1 was not found to open the browser; install it (xdg-utils) or set the BROWSER environment variable to a browser command.</source>
        <translation>%1 wurde zum Öffnen des Browsers nicht gefunden; installieren Sie es (xdg-utils) oder setzen Sie die Umgebungsvariable BROWSER auf einen Browser-Befehl.</translation>
    </message>
    <message>
        <source>The browser (%1) could not be started: %2</source>
        <translation>Der Browser (%1) konnte nicht gestartet werden: %2</translation>
    </message>
</context>
<context>
    <name>Postern::ClientAssertion</name>
    <message>
        <source>The client authentication is not a signed JWT.</source>
        <translation>Die Client-Authentifizierung ist kein signiertes JWT.</translation>
    </message>
    <message>
        <source>client_secret_jwt signs with the client secret, which is empty.</source>
        <translation>client_secret_jwt signiert mit dem Client-Geheimnis, das leer ist.</translation>
    </message>
    <message>
        <source>Assertion Claims must be a JSON object, such as {&quot;scope&quot;: &quot;read&quot;}.</source>
        <translation>„Assertion-Claims“ muss ein JSON-Objekt sein, etwa {&quot;scope&quot;: &quot;read&quot;}.</translation>
    </message>
    <message>
        <source>The assertion needs an issuer: fill in Client ID or Assertion Issuer.</source>
        <translation>Die Assertion braucht einen Aussteller: Füllen Sie „Client-ID“ oder „Assertion-Aussteller“ aus.</translation>
    </message>
</context>
<context>
    <name>Postern::ClientCertificates</name>
    <message>
        <source>there is no file “%1”</source>
        <translation>es gibt keine Datei „%1“</translation>
    </message>
    <message>
        <source>“%1” is too large to be a certificate or key file</source>
        <translation>„%1“ ist zu groß für eine Zertifikats- oder Schlüsseldatei</translation>
    </message>
    <message>
        <source>“%1” cannot be read: %2</source>
        <translation>„%1“ kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The client certificate for %1 is not used: %2.</source>
        <translation>Das Client-Zertifikat für %1 wird nicht verwendet: %2.</translation>
    </message>
    <message>
        <source>this build of Postern has no TLS support</source>
        <translation>dieser Build von Postern unterstützt kein TLS</translation>
    </message>
    <message>
        <source>“%1” cannot be opened: the passphrase is wrong, or it is not a PKCS#12 file with a certificate and its key</source>
        <translation>„%1“ kann nicht geöffnet werden: Die Passphrase ist falsch, oder es ist keine PKCS#12-Datei mit einem Zertifikat und dessen Schlüssel</translation>
    </message>
    <message>
        <source>“%1” holds no PEM or DER certificate</source>
        <translation>„%1“ enthält kein PEM- oder DER-Zertifikat</translation>
    </message>
    <message>
        <source>“%1” is not a private key Postern can read (an encrypted key needs its passphrase)</source>
        <translation>„%1“ ist kein privater Schlüssel, den Postern lesen kann (ein verschlüsselter Schlüssel braucht seine Passphrase)</translation>
    </message>
    <message>
        <source>“%1” cannot be read with the passphrase given, or is not a private key</source>
        <translation>„%1“ kann mit der angegebenen Passphrase nicht gelesen werden oder ist kein privater Schlüssel</translation>
    </message>
</context>
<context>
    <name>Postern::ClientCertificatesDialog</name>
    <message>
        <source>(no host)</source>
        <translation>(kein Host)</translation>
    </message>
    <message>
        <source>Client Certificates</source>
        <translation>Client-Zertifikate</translation>
    </message>
    <message>
        <source>Postern presents a certificate to the hosts it is set for, in every request and token request to them (TLS client authentication, RFC 8446; tokens a server binds to it, RFC 8705, then work only with it).</source>
        <translation>Postern legt den Hosts, für die ein Zertifikat eingerichtet ist, dieses Zertifikat bei jeder Anfrage und Token-Anfrage vor (TLS-Client-Authentifizierung, RFC 8446; Token, die ein Server daran bindet, RFC 8705, funktionieren dann nur noch mit ihm).</translation>
    </message>
    <message>
        <source>Client certificates</source>
        <translation>Client-Zertifikate</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>Hin&amp;zufügen</translation>
    </message>
    <message>
        <source>Add a client certificate</source>
        <translation>Client-Zertifikat hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Remove the client certificate</source>
        <translation>Client-Zertifikat entfernen</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>api.example.com, *.example.com, or host:8443</source>
        <translation>api.example.com, *.example.com oder host:8443</translation>
    </message>
    <message>
        <source>&amp;PFX File:</source>
        <translation>&amp;PFX-Datei:</translation>
    </message>
    <message>
        <source>PKCS#12 file</source>
        <translation>PKCS#12-Datei</translation>
    </message>
    <message>
        <source>Choose the PKCS#12 file</source>
        <translation>PKCS#12-Datei auswählen</translation>
    </message>
    <message>
        <source>A .p12 or .pfx file holding the certificate and its key</source>
        <translation>Eine .p12- oder .pfx-Datei mit dem Zertifikat und seinem Schlüssel</translation>
    </message>
    <message>
        <source>PKCS#12 (*.p12 *.pfx);;All files (*)</source>
        <translation>PKCS#12 (*.p12 *.pfx);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;CRT File:</source>
        <translation>&amp;CRT-Datei:</translation>
    </message>
    <message>
        <source>Certificate file</source>
        <translation>Zertifikatsdatei</translation>
    </message>
    <message>
        <source>Choose the certificate file</source>
        <translation>Zertifikatsdatei auswählen</translation>
    </message>
    <message>
        <source>Or: the certificate (PEM or DER)…</source>
        <translation>Oder: das Zertifikat (PEM oder DER)…</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem *.cer *.der);;All files (*)</source>
        <translation>Zertifikate (*.crt *.pem *.cer *.der);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;KEY File:</source>
        <translation>&amp;KEY-Datei:</translation>
    </message>
    <message>
        <source>Key file</source>
        <translation>Schlüsseldatei</translation>
    </message>
    <message>
        <source>Choose the key file</source>
        <translation>Schlüsseldatei auswählen</translation>
    </message>
    <message>
        <source>…and its private key</source>
        <translation>…und sein privater Schlüssel</translation>
    </message>
    <message>
        <source>Keys (*.key *.pem *.der);;All files (*)</source>
        <translation>Schlüssel (*.key *.pem *.der);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>For an encrypted key or PKCS#12 file; kept in the keychain</source>
        <translation>Für einen verschlüsselten Schlüssel oder eine PKCS#12-Datei; wird im Schlüsselbund aufbewahrt</translation>
    </message>
    <message>
        <source>Pa&amp;ssphrase:</source>
        <translation>Pa&amp;ssphrase:</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Show passphrase</source>
        <translation>Passphrase anzeigen</translation>
    </message>
    <message>
        <source>Show the certificate passphrase</source>
        <translation>Passphrase des Zertifikats anzeigen</translation>
    </message>
    <message>
        <source>A certificate has no host.</source>
        <translation>Ein Zertifikat hat keinen Host.</translation>
    </message>
    <message>
        <source>The certificate for %1 names no file.</source>
        <translation>Für das Zertifikat für %1 ist keine Datei angegeben.</translation>
    </message>
</context>
<context>
    <name>Postern::Collection</name>
    <message>
        <source>Folders nested deeper than %1 levels were not read.</source>
        <translation>Ordner, die tiefer als %1 Ebenen verschachtelt sind, wurden nicht gelesen.</translation>
    </message>
    <message>
        <source>The file was written by a newer Postern (format %1); some of it may be missing.</source>
        <translation>Die Datei wurde von einer neueren Postern-Version geschrieben (Format %1); Teile davon fehlen möglicherweise.</translation>
    </message>
    <message>
        <source>%1 item(s) had an id used by another item; they were given new ids.</source>
        <translation>%1 Element(e) hatten eine ID, die ein anderes Element bereits verwendet; sie haben neue IDs erhalten.</translation>
    </message>
    <message>
        <source>It is not valid JSON (%1 at byte %2).</source>
        <translation>Es ist kein gültiges JSON (%1 bei Byte %2).</translation>
    </message>
    <message>
        <source>It is not a Postern collection.</source>
        <translation>Es ist keine Postern-Sammlung.</translation>
    </message>
</context>
<context>
    <name>Postern::CollectionRunner</name>
    <message>
        <source>Canceled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>No answer.</source>
        <translation>Keine Antwort.</translation>
    </message>
    <message>
        <source>Stopped after %1 failed (stop on first failure).</source>
        <translation>Angehalten, nachdem %1 fehlgeschlagen ist (beim ersten Fehler anhalten).</translation>
    </message>
    <message>
        <source>postman.setNextRequest(null) in %1 ended the run.</source>
        <translation>postman.setNextRequest(null) in %1 hat den Durchlauf beendet.</translation>
    </message>
    <message>
        <source>postman.setNextRequest(%1): no request of this run has that name; the run ended.</source>
        <translation>postman.setNextRequest(%1): Keine Anfrage dieses Durchlaufs hat diesen Namen; der Durchlauf wurde beendet.</translation>
    </message>
</context>
<context>
    <name>Postern::CollectionsTree</name>
    <message>
        <source>Collections</source>
        <translation>Sammlungen</translation>
    </message>
    <message>
        <source>New Request</source>
        <translation>Neue Anfrage</translation>
    </message>
    <message>
        <source>%1 Copy</source>
        <translation>%1 - Kopie</translation>
    </message>
    <message>
        <source>Delete the collection “%1” and its %2 requests? This cannot be undone.</source>
        <translation>Die Sammlung „%1“ und ihre %2 Anfragen löschen? Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Delete the folder “%1” and everything in it? This cannot be undone.</source>
        <translation>Den Ordner „%1“ und seinen gesamten Inhalt löschen? Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Delete the request “%1”? This cannot be undone.</source>
        <translation>Die Anfrage „%1“ löschen? Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Move To</source>
        <translation>Verschieben nach</translation>
    </message>
    <message>
        <source>Move “%1” into:</source>
        <translation>„%1“ verschieben nach:</translation>
    </message>
    <message>
        <source>New &amp;Collection</source>
        <translation>Neue &amp;Sammlung</translation>
    </message>
    <message>
        <source>New Collection</source>
        <translation>Neue Sammlung</translation>
    </message>
    <message>
        <source>New &amp;Request</source>
        <translation>Neue &amp;Anfrage</translation>
    </message>
    <message>
        <source>New &amp;Folder</source>
        <translation>Neuer &amp;Ordner</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>Neuer Ordner</translation>
    </message>
    <message>
        <source>Run Collec&amp;tion…</source>
        <translation>Sammlung aus&amp;führen…</translation>
    </message>
    <message>
        <source>Run Fold&amp;er…</source>
        <translation>Ordner aus&amp;führen…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Öffnen</translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation>&amp;Umbenennen</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>&amp;Duplizieren</translation>
    </message>
    <message>
        <source>&amp;Move To…</source>
        <translation>&amp;Verschieben nach…</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>Nach o&amp;ben</translation>
    </message>
    <message>
        <source>Move Do&amp;wn</source>
        <translation>Nach un&amp;ten</translation>
    </message>
    <message>
        <source>&amp;Export to Postman…</source>
        <translation>Nach Postman e&amp;xportieren…</translation>
    </message>
</context>
<context>
    <name>Postern::ConsoleView</name>
    <message>
        <source>Console</source>
        <translation>Konsole</translation>
    </message>
    <message>
        <source>console.log() in a script writes here.</source>
        <translation>console.log() in einem Skript schreibt hierhin.</translation>
    </message>
    <message>
        <source>Co&amp;nsole</source>
        <translation>Ko&amp;nsole</translation>
    </message>
    <message>
        <source>Co&amp;nsole (%1)</source>
        <translation>Ko&amp;nsole (%1)</translation>
    </message>
</context>
<context>
    <name>Postern::CookieManagerDialog</name>
    <message>
        <source>Cookies</source>
        <translation>Cookies</translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation>Filter leeren</translation>
    </message>
    <message>
        <source>&amp;Filter by domain:</source>
        <translation>Nach Domain &amp;filtern:</translation>
    </message>
    <message>
        <source>Filter cookies by domain</source>
        <translation>Cookies nach Domain filtern</translation>
    </message>
    <message>
        <source>Cookies in the jar</source>
        <translation>Gespeicherte Cookies</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>Postern::CookieStore</name>
    <message>
        <source>cookies</source>
        <translation>Cookies</translation>
    </message>
    <message>
        <source>Cookies are</source>
        <translation>Cookies werden</translation>
    </message>
    <message>
        <source>cookie file</source>
        <translation>Cookie-Datei</translation>
    </message>
    <message>
        <source>the cookie jar starts empty</source>
        <translation>der Cookie-Speicher beginnt leer</translation>
    </message>
    <message>
        <source>One cookie could not be read and was left out.</source>
        <translation>Ein Cookie konnte nicht gelesen werden und wurde ausgelassen.</translation>
    </message>
    <message>
        <source>%1 cookies could not be read and were left out.</source>
        <translation>%1 Cookies konnten nicht gelesen werden und wurden ausgelassen.</translation>
    </message>
</context>
<context>
    <name>Postern::CookiesView</name>
    <message>
        <source>Cookies</source>
        <translation>Cookies</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domain</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Secure</source>
        <translation>Secure</translation>
    </message>
    <message>
        <source>HttpOnly</source>
        <translation>HttpOnly</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Delete selected cookies</source>
        <translation>Ausgewählte Cookies löschen</translation>
    </message>
    <message>
        <source>Delete &amp;All…</source>
        <translation>&amp;Alle löschen…</translation>
    </message>
    <message>
        <source>Delete all cookies shown</source>
        <translation>Alle angezeigten Cookies löschen</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Delete all %1 cookies?</source>
        <translation>Alle %1 Cookies löschen?</translation>
    </message>
    <message>
        <source>Delete the %1 cookies whose domain contains “%2”?</source>
        <translation>Die %1 Cookies löschen, deren Domain „%2“ enthält?</translation>
    </message>
    <message>
        <source>Delete Cookies</source>
        <translation>Cookies löschen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
</context>
<context>
    <name>Postern::CurlCommand</name>
    <message>
        <source>The command is longer than %1 MiB; Postern does not import commands this long.</source>
        <translation>Der Befehl ist länger als %1 MiB; so lange Befehle importiert Postern nicht.</translation>
    </message>
    <message>
        <source>There is nothing to import: paste a curl command.</source>
        <translation>Es gibt nichts zu importieren: Fügen Sie einen curl-Befehl ein.</translation>
    </message>
    <message>
        <source>This is not a curl command: it starts with “%1”.</source>
        <translation>Dies ist kein curl-Befehl: Er beginnt mit „%1“.</translation>
    </message>
    <message>
        <source>The shell would expand %1; Postern keeps it as written.</source>
        <translation>Die Shell würde %1 expandieren; Postern übernimmt es wie geschrieben.</translation>
    </message>
    <message>
        <source>The option %1 needs a value after it.</source>
        <translation>Die Option %1 braucht einen Wert dahinter.</translation>
    </message>
    <message>
        <source>%1 would expand curl variables; Postern keeps {{…}} as written.</source>
        <translation>%1 würde curl-Variablen expandieren; Postern übernimmt {{…}} wie geschrieben.</translation>
    </message>
    <message>
        <source>Line %1 does not end with a backslash; the next line was read as part of the command.</source>
        <translation>Zeile %1 endet nicht mit einem Backslash; die nächste Zeile wurde als Teil des Befehls gelesen.</translation>
    </message>
    <message>
        <source>Only the first command was imported; the text from line %1 on was ignored.</source>
        <translation>Nur der erste Befehl wurde importiert; der Text ab Zeile %1 wurde ignoriert.</translation>
    </message>
    <message>
        <source>Everything after the shell operator “%1” on line %2 was ignored (an unquoted “&amp;” ends the command in a shell: put the URL in quotes).</source>
        <translation>Alles nach dem Shell-Operator „%1“ in Zeile %2 wurde ignoriert (ein „&amp;“ ohne Anführungszeichen beendet in einer Shell den Befehl: Setzen Sie die URL in Anführungszeichen).</translation>
    </message>
    <message>
        <source>Everything after the shell operator “%1” on line %2 was ignored.</source>
        <translation>Alles nach dem Shell-Operator „%1“ in Zeile %2 wurde ignoriert.</translation>
    </message>
    <message>
        <source>The command has no URL.</source>
        <translation>Der Befehl hat keine URL.</translation>
    </message>
    <message>
        <source>The command asks for both a HEAD request (-I) and a body (-d); curl refuses that too.</source>
        <translation>Der Befehl verlangt sowohl eine HEAD-Anfrage (-I) als auch einen Body (-d); auch curl lehnt das ab.</translation>
    </message>
    <message>
        <source>The command sends form fields (-F) together with %1; curl refuses that too.</source>
        <translation>Der Befehl sendet Formularfelder (-F) zusammen mit %1; auch curl lehnt das ab.</translation>
    </message>
    <message>
        <source>data (-d)</source>
        <translation>Daten (-d)</translation>
    </message>
    <message>
        <source>The command names %1 URLs; Postern imported the last one.</source>
        <translation>Der Befehl nennt %1 URLs; Postern hat die letzte importiert.</translation>
    </message>
    <message>
        <source>The URL has no scheme; like curl, Postern uses http://.</source>
        <translation>Die URL hat kein Schema; wie curl verwendet Postern http://.</translation>
    </message>
    <message>
        <source>The URL has a line break, a tab or another control character in it; curl refuses such a URL too.</source>
        <translation>Die URL enthält einen Zeilenumbruch, einen Tabulator oder ein anderes Steuerzeichen; auch curl lehnt eine solche URL ab.</translation>
    </message>
    <message>
        <source>curl would use %1 authentication; Postern imported the credentials as Basic Auth.</source>
        <translation>curl würde die Authentifizierung %1 verwenden; Postern hat die Anmeldedaten als Basic Auth importiert.</translation>
    </message>
    <message>
        <source>These file paths are relative to the folder curl would run in; check them in the Body tab: %1.</source>
        <translation>Diese Dateipfade sind relativ zu dem Ordner, in dem curl laufen würde; prüfen Sie sie im Tab „Body“: %1.</translation>
    </message>
    <message>
        <source>curl would leave out these headers it adds by itself; Postern cannot leave out its own, so they were skipped: %1.</source>
        <translation>curl würde diese Header weglassen, die es selbst hinzufügt; Postern kann seine eigenen nicht weglassen, daher wurden sie übersprungen: %1.</translation>
    </message>
    <message>
        <source>HTTP/2 pseudo-headers are not headers a request sets; they were skipped: %1.</source>
        <translation>HTTP/2-Pseudo-Header sind keine Header, die eine Anfrage setzt; sie wurden übersprungen: %1.</translation>
    </message>
    <message>
        <source>These options have no equivalent in a Postern request and were ignored: %1.</source>
        <translation>Diese Optionen haben keine Entsprechung in einer Postern-Anfrage und wurden ignoriert: %1.</translation>
    </message>
    <message>
        <source>Unknown options were ignored: %1.</source>
        <translation>Unbekannte Optionen wurden ignoriert: %1.</translation>
    </message>
    <message>
        <source>Shell redirections were ignored: %1.</source>
        <translation>Shell-Umleitungen wurden ignoriert: %1.</translation>
    </message>
    <message>
        <source>…and %1 more notes.</source>
        <translation>…und %1 weitere Hinweise.</translation>
    </message>
    <message>
        <source>Postern sends no body with %1; the data is kept in the Body tab.</source>
        <translation>Postern sendet mit %1 keinen Body; die Daten bleiben im Tab „Body“ erhalten.</translation>
    </message>
    <message>
        <source>The Authorization header was moved to the Authorization tab (%1).</source>
        <translation>Der Authorization-Header wurde in den Tab „Autorisierung“ verschoben (%1).</translation>
    </message>
    <message>
        <source>A form-data field without a name cannot be written for curl, whose -F leaves the name out.</source>
        <translation>Ein form-data-Feld ohne Namen lässt sich nicht für curl schreiben, dessen -F den Namen dann weglässt.</translation>
    </message>
    <message>
        <source>The form-data field “%1” cannot be written for curl, whose -F ends a name at its first “=”; rename the field.</source>
        <translation>Das form-data-Feld „%1“ lässt sich nicht für curl schreiben, dessen -F einen Namen beim ersten „=“ beendet; benennen Sie das Feld um.</translation>
    </message>
    <message>
        <source>The form-data field “%1” holds a NUL character, which no command word can hold.</source>
        <translation>Das form-data-Feld „%1“ enthält ein NUL-Zeichen, das kein Befehlswort enthalten kann.</translation>
    </message>
    <message>
        <source>The content type of the form-data field “%1”: %2</source>
        <translation>Der Inhaltstyp des form-data-Felds „%1“: %2</translation>
    </message>
    <message>
        <source>%1 gives no password for “%2”: curl would ask for it; Postern leaves it empty.</source>
        <translation>%1 gibt kein Passwort für „%2“ an: curl würde danach fragen; Postern lässt es leer.</translation>
    </message>
    <message>
        <source>--compressed has no effect: Postern always accepts gzip-compressed responses.</source>
        <translation>--compressed hat keine Wirkung: Postern akzeptiert immer gzip-komprimierte Antworten.</translation>
    </message>
    <message>
        <source>%1 %2 reads cookies from a file, which Postern does not do on import; no cookies from it were imported.</source>
        <translation>%1 %2 liest Cookies aus einer Datei, was Postern beim Import nicht tut; es wurden keine Cookies daraus importiert.</translation>
    </message>
    <message>
        <source>%1 takes a number of seconds, not “%2”.</source>
        <translation>%1 erwartet eine Anzahl Sekunden, nicht „%2“.</translation>
    </message>
    <message>
        <source>%1 was ignored: Postern has one timeout for the whole request (curl&apos;s --max-time).</source>
        <translation>%1 wurde ignoriert: Postern hat ein Timeout für die gesamte Anfrage (curls --max-time).</translation>
    </message>
    <message>
        <source>%1 reads credentials from a .netrc file, which Postern does not do on import; enter them in the Authorization tab.</source>
        <translation>%1 liest Anmeldedaten aus einer .netrc-Datei, was Postern beim Import nicht tut; geben Sie sie im Tab „Autorisierung“ ein.</translation>
    </message>
    <message>
        <source>The command holds more than one request (%1); only the first was imported.</source>
        <translation>Der Befehl enthält mehr als eine Anfrage (%1); nur die erste wurde importiert.</translation>
    </message>
    <message>
        <source>%1 was ignored: Postern does not set curl variables.</source>
        <translation>%1 wurde ignoriert: Postern setzt keine curl-Variablen.</translation>
    </message>
    <message>
        <source>The header “%1” has no colon: write it as “Name: value”.</source>
        <translation>Der Header „%1“ hat keinen Doppelpunkt: Schreiben Sie ihn als „Name: Wert“.</translation>
    </message>
    <message>
        <source>“%1 %2” reads %3 (%4), which Postern does not do on import: paste the content instead.</source>
        <translation>„%1 %2“ liest %3 (%4), was Postern beim Import nicht tut: Fügen Sie stattdessen den Inhalt ein.</translation>
    </message>
    <message>
        <source>standard input</source>
        <translation>die Standardeingabe</translation>
    </message>
    <message>
        <source>a file</source>
        <translation>eine Datei</translation>
    </message>
    <message>
        <source>%1 “%2” has no “=”: write it as name=content or name=@file.</source>
        <translation>%1 „%2“ hat kein „=“: Schreiben Sie es als name=Inhalt oder name=@datei.</translation>
    </message>
    <message>
        <source>%1 “%2”: nested multipart parts are not supported; the field was left out.</source>
        <translation>%1 „%2“: Verschachtelte Multipart-Teile werden nicht unterstützt; das Feld wurde weggelassen.</translation>
    </message>
    <message>
        <source>%1 “%2”: Postern cannot set a part&apos;s %3; it was ignored.</source>
        <translation>%1 „%2“: Postern kann %3 eines Teils nicht setzen; es wurde ignoriert.</translation>
    </message>
    <message>
        <source>%1 “%2”: several files in one field are not supported; the field was left out.</source>
        <translation>%1 „%2“: Mehrere Dateien in einem Feld werden nicht unterstützt; das Feld wurde weggelassen.</translation>
    </message>
    <message>
        <source>%1 “%2”: curl would send the content of %3 as text, which Postern cannot; the field was left out.</source>
        <translation>%1 „%2“: curl würde den Inhalt von %3 als Text senden, was Postern nicht kann; das Feld wurde weggelassen.</translation>
    </message>
    <message>
        <source>%1 “%2”: Postern sends the file under its own name, not “%3”.</source>
        <translation>%1 „%2“: Postern sendet die Datei unter ihrem eigenen Namen, nicht als „%3“.</translation>
    </message>
    <message>
        <source>%1 “%2”: Postern cannot give a text field a file name; it was left out.</source>
        <translation>%1 „%2“: Postern kann einem Textfeld keinen Dateinamen geben; es wurde weggelassen.</translation>
    </message>
</context>
<context>
    <name>Postern::DataFile</name>
    <message>
        <source>The data file is not JSON: %1 at offset %2.</source>
        <translation>Die Datendatei ist kein JSON: %1 an Position %2.</translation>
    </message>
    <message>
        <source>The data file must hold a JSON array of objects, one per iteration.</source>
        <translation>Die Datendatei muss ein JSON-Array von Objekten enthalten, eines pro Iteration.</translation>
    </message>
    <message>
        <source>Row %1 of the data file is not an object of variable names and values.</source>
        <translation>Zeile %1 der Datendatei ist kein Objekt aus Variablennamen und Werten.</translation>
    </message>
    <message>
        <source>Line %1 of the CSV data file has a quote inside an unquoted field.</source>
        <translation>Zeile %1 der CSV-Datendatei enthält ein Anführungszeichen in einem Feld ohne Anführungszeichen.</translation>
    </message>
    <message>
        <source>Line %1 of the CSV data file has text after a closing quote.</source>
        <translation>Zeile %1 der CSV-Datendatei enthält Text nach einem schließenden Anführungszeichen.</translation>
    </message>
    <message>
        <source>The CSV data file ends inside a quoted field.</source>
        <translation>Die CSV-Datendatei endet innerhalb eines Felds in Anführungszeichen.</translation>
    </message>
    <message>
        <source>The CSV data file is empty: its first line must name the variables.</source>
        <translation>Die CSV-Datendatei ist leer: Ihre erste Zeile muss die Variablen benennen.</translation>
    </message>
    <message>
        <source>Row %1 of the CSV data file has %2 values for %3 columns.</source>
        <translation>Zeile %1 der CSV-Datendatei hat %2 Werte für %3 Spalten.</translation>
    </message>
    <message>
        <source>The data file is larger than 64 MiB.</source>
        <translation>Die Datendatei ist größer als 64 MiB.</translation>
    </message>
    <message>
        <source>The data file could not be read: %1</source>
        <translation>Die Datendatei konnte nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>Postern::DeviceAuthorizationFlow</name>
    <message>
        <source>There is no token endpoint client.</source>
        <translation>Es gibt keinen Client für den Token-Endpunkt.</translation>
    </message>
    <message>
        <source>The code %1 expired before it was approved. Get a new one to try again.</source>
        <translation>Der Code %1 ist abgelaufen, bevor er bestätigt wurde. Fordern Sie einen neuen an, um es erneut zu versuchen.</translation>
    </message>
    <message>
        <source>The server asked to be polled less often (slow_down).</source>
        <translation>Der Server hat darum gebeten, seltener abgefragt zu werden (slow_down).</translation>
    </message>
    <message>
        <source>The sign-in with the code %1 was denied. No token was stored.</source>
        <translation>Die Anmeldung mit dem Code %1 wurde abgelehnt. Es wurde kein Token gespeichert.</translation>
    </message>
    <message>
        <source>The sign-in was canceled. No token was stored.</source>
        <translation>Die Anmeldung wurde abgebrochen. Es wurde kein Token gespeichert.</translation>
    </message>
</context>
<context>
    <name>Postern::DeviceCode</name>
    <message>
        <source>Open %1 on any device and enter the code %2. The code expires within a minute.</source>
        <translation>Öffnen Sie %1 auf einem beliebigen Gerät und geben Sie den Code %2 ein. Der Code läuft innerhalb einer Minute ab.</translation>
    </message>
    <message>
        <source>Open %1 on any device and enter the code %2. The code expires in %3 minutes.</source>
        <translation>Öffnen Sie %1 auf einem beliebigen Gerät und geben Sie den Code %2 ein. Der Code läuft in %3 Minuten ab.</translation>
    </message>
    <message>
        <source>Open %1 on any device and enter the code %2 (or open %3, which has it filled in). The code expires within a minute.</source>
        <translation>Öffnen Sie %1 auf einem beliebigen Gerät und geben Sie den Code %2 ein (oder öffnen Sie %3, wo er bereits eingetragen ist). Der Code läuft innerhalb einer Minute ab.</translation>
    </message>
    <message>
        <source>Open %1 on any device and enter the code %2 (or open %3, which has it filled in). The code expires in %4 minutes.</source>
        <translation>Öffnen Sie %1 auf einem beliebigen Gerät und geben Sie den Code %2 ein (oder öffnen Sie %3, wo er bereits eingetragen ist). Der Code läuft in %4 Minuten ab.</translation>
    </message>
    <message>
        <source>The device authorization endpoint&apos;s answer has no usable device_code, so there is no code to show.</source>
        <translation>Die Antwort des Geräteautorisierungsendpunkts enthält keinen verwendbaren device_code, daher gibt es keinen Code zum Anzeigen.</translation>
    </message>
    <message>
        <source>The device authorization endpoint&apos;s answer has no usable user_code, so there is no code to show.</source>
        <translation>Die Antwort des Geräteautorisierungsendpunkts enthält keinen verwendbaren user_code, daher gibt es keinen Code zum Anzeigen.</translation>
    </message>
    <message>
        <source>The device authorization endpoint&apos;s answer has a user_code with characters that cannot be shown, so there is no code to show.</source>
        <translation>Die Antwort des Geräteautorisierungsendpunkts enthält einen user_code mit Zeichen, die sich nicht anzeigen lassen, daher gibt es keinen Code zum Anzeigen.</translation>
    </message>
    <message>
        <source>The device authorization endpoint&apos;s answer has no http or https verification_uri, so there is no code to show.</source>
        <translation>Die Antwort des Geräteautorisierungsendpunkts enthält keine http- oder https-verification_uri, daher gibt es keinen Code zum Anzeigen.</translation>
    </message>
</context>
<context>
    <name>Postern::DeviceCodePanel</name>
    <message>
        <source>Sign in on another device</source>
        <translation>Auf einem anderen Gerät anmelden</translation>
    </message>
    <message>
        <source>On a phone or computer, open this page and enter the code below (or scan the QR code).</source>
        <translation>Öffnen Sie auf einem Smartphone oder Computer diese Seite und geben Sie den folgenden Code ein (oder scannen Sie den QR-Code).</translation>
    </message>
    <message>
        <source>Verification page</source>
        <translation>Verifizierungsseite</translation>
    </message>
    <message>
        <source>&amp;Open in Browser</source>
        <translation>Im &amp;Browser öffnen</translation>
    </message>
    <message>
        <source>Open the verification page in the browser</source>
        <translation>Die Verifizierungsseite im Browser öffnen</translation>
    </message>
    <message>
        <source>User code</source>
        <translation>Benutzercode</translation>
    </message>
    <message>
        <source>&amp;Copy Code</source>
        <translation>Code &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the user code</source>
        <translation>Den Benutzercode kopieren</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Verbleibende Zeit</translation>
    </message>
    <message>
        <source>Waiting for approval</source>
        <translation>Warten auf Freigabe</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>QR code of the verification page with the code filled in</source>
        <translation>QR-Code der Verifizierungsseite mit bereits eingetragenem Code</translation>
    </message>
    <message>
        <source>QR code of the verification page</source>
        <translation>QR-Code der Verifizierungsseite</translation>
    </message>
    <message>
        <source>Waiting for you to approve; Postern asks the server every second.</source>
        <translation>Warten auf Ihre Freigabe; Postern fragt den Server jede Sekunde ab.</translation>
    </message>
    <message>
        <source>Waiting for you to approve; Postern asks the server every %1 seconds.</source>
        <translation>Warten auf Ihre Freigabe; Postern fragt den Server alle %1 Sekunden ab.</translation>
    </message>
    <message>
        <source>The code has expired.</source>
        <translation>Der Code ist abgelaufen.</translation>
    </message>
    <message>
        <source>The code expires in %1.</source>
        <translation>Der Code läuft in %1 ab.</translation>
    </message>
</context>
<context>
    <name>Postern::Discovery</name>
    <message>
        <source>Enter the issuer as an absolute https URL, e.g. https://login.example.com/realms/main.</source>
        <translation>Geben Sie den Aussteller als absolute https-URL ein, z. B. https://login.example.com/realms/main.</translation>
    </message>
    <message>
        <source>An issuer has no query (?…) or fragment (#…) (RFC 8414 §2).</source>
        <translation>Ein Aussteller enthält weder eine Abfrage (?…) noch ein Fragment (#…) (RFC 8414 §2).</translation>
    </message>
    <message>
        <source>An issuer has no user name or password in it.</source>
        <translation>Ein Aussteller enthält weder Benutzername noch Passwort.</translation>
    </message>
    <message>
        <source>Canceled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>No authorization server metadata found for “%1”. %2 Enter the Auth URL and Access Token URL by hand, or check the issuer.</source>
        <translation>Keine Metadaten des Autorisierungsservers für „%1“ gefunden. %2 Geben Sie die Auth-URL und die Zugriffstoken-URL von Hand ein, oder prüfen Sie den Aussteller.</translation>
    </message>
    <message>
        <source>No answer from %1 within %2 s; the server did not respond.</source>
        <translation>Keine Antwort von %1 innerhalb von %2 s; der Server hat nicht geantwortet.</translation>
    </message>
    <message>
        <source>%1 → no answer</source>
        <translation>%1 → keine Antwort</translation>
    </message>
    <message>
        <source>The answer from %1 is larger than %2 MiB; metadata is a few KiB, so it was refused.</source>
        <translation>Die Antwort von %1 ist größer als %2 MiB; Metadaten umfassen wenige KiB, daher wurde sie abgelehnt.</translation>
    </message>
    <message>
        <source>%1 → too large</source>
        <translation>%1 → zu groß</translation>
    </message>
    <message>
        <source>Could not fetch %1: %2</source>
        <translation>%1 konnte nicht abgerufen werden: %2</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2.</source>
        <translation>%1 hat mit HTTP %2 geantwortet.</translation>
    </message>
    <message>
        <source>%1 → HTTP 200, not JSON metadata</source>
        <translation>%1 → HTTP 200, keine JSON-Metadaten</translation>
    </message>
    <message>
        <source>%1 → metadata</source>
        <translation>%1 → Metadaten</translation>
    </message>
    <message>
        <source>%1 → refused</source>
        <translation>%1 → abgelehnt</translation>
    </message>
</context>
<context>
    <name>Postern::DiscoveryResult</name>
    <message>
        <source>The metadata</source>
        <translation>Das Metadatendokument</translation>
    </message>
    <message>
        <source>The answer from %1</source>
        <translation>Die Antwort von %1</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 ist leer.</translation>
    </message>
    <message>
        <source>%1 is an HTML or XML page, not JSON metadata.</source>
        <translation>%1 ist eine HTML- oder XML-Seite, keine JSON-Metadaten.</translation>
    </message>
    <message>
        <source>%1 is not JSON (%2 at offset %3).</source>
        <translation>%1 ist kein JSON (%2 bei Offset %3).</translation>
    </message>
    <message>
        <source>%1 is JSON but not an object.</source>
        <translation>%1 ist JSON, aber kein Objekt.</translation>
    </message>
    <message>
        <source>%1 has no “issuer”, so it cannot be tied to %2; refused.</source>
        <translation>%1 enthält kein „issuer“ und kann daher nicht %2 zugeordnet werden; abgelehnt.</translation>
    </message>
    <message>
        <source>The server’s issuer is %1, which differs from %2 by a trailing slash. Issuers must match exactly (RFC 8414 §3.3): enter %1.</source>
        <translation>Der Aussteller des Servers ist %1 und unterscheidet sich von %2 durch einen abschließenden Schrägstrich. Aussteller müssen exakt übereinstimmen (RFC 8414 §3.3): Geben Sie %1 ein.</translation>
    </message>
    <message>
        <source>%1 names the issuer %2, not %3. Issuers must match exactly (RFC 8414 §3.3); the document is refused, since it could let one server speak for another.</source>
        <translation>%1 nennt den Aussteller %2, nicht %3. Aussteller müssen exakt übereinstimmen (RFC 8414 §3.3); das Dokument wird abgelehnt, da sonst ein Server für einen anderen sprechen könnte.</translation>
    </message>
    <message>
        <source>The issuer uses plain http: codes and tokens would travel unencrypted.</source>
        <translation>Der Aussteller verwendet unverschlüsseltes http: Codes und Token würden unverschlüsselt übertragen.</translation>
    </message>
    <message>
        <source>“%1” is not a string; the document is refused.</source>
        <translation>„%1“ ist keine Zeichenkette; das Dokument wird abgelehnt.</translation>
    </message>
    <message>
        <source>“%1” is not an absolute http(s) URL: %2.</source>
        <translation>„%1“ ist keine absolute http(s)-URL: %2.</translation>
    </message>
    <message>
        <source>“%1” contains a fragment (#…), which endpoints must not: %2.</source>
        <translation>„%1“ enthält ein Fragment (#…), was Endpunkte nicht dürfen: %2.</translation>
    </message>
    <message>
        <source>“%1” uses plain http (%2) although the issuer uses https; refused, since codes, tokens or keys would travel unencrypted.</source>
        <translation>„%1“ verwendet unverschlüsseltes http (%2), obwohl der Aussteller https verwendet; abgelehnt, da Codes, Token oder Schlüssel unverschlüsselt übertragen würden.</translation>
    </message>
    <message>
        <source>“%1” is not a list of strings; the document is refused.</source>
        <translation>„%1“ ist keine Liste von Zeichenketten; das Dokument wird abgelehnt.</translation>
    </message>
    <message>
        <source>“authorization_response_iss_parameter_supported” is not true or false; taken as false.</source>
        <translation>„authorization_response_iss_parameter_supported“ ist weder true noch false; wird als false gewertet.</translation>
    </message>
    <message>
        <source>%1 has no “token_endpoint”.</source>
        <translation>%1 enthält kein „token_endpoint“.</translation>
    </message>
    <message>
        <source>%1 has no “authorization_endpoint”.</source>
        <translation>%1 enthält kein „authorization_endpoint“.</translation>
    </message>
    <message>
        <source>The server does not say it supports PKCE (no code_challenge_methods_supported).</source>
        <translation>Der Server gibt nicht an, dass er PKCE unterstützt (kein code_challenge_methods_supported).</translation>
    </message>
    <message>
        <source>The server does not offer PKCE with S256.</source>
        <translation>Der Server bietet PKCE nicht mit S256 an.</translation>
    </message>
    <message>
        <source>Found the metadata of %1.</source>
        <translation>Metadaten von %1 gefunden.</translation>
    </message>
</context>
<context>
    <name>Postern::EncryptedFileSecretStore</name>
    <message>
        <source>the encrypted file %1</source>
        <translation>der verschlüsselten Datei %1</translation>
    </message>
    <message>
        <source>The passphrase is empty.</source>
        <translation>Die Passphrase ist leer.</translation>
    </message>
    <message>
        <source>The encrypted token file %1 was damaged (%2). It was moved to %3 and a new, empty one was started.</source>
        <translation>Die verschlüsselte Token-Datei %1 war beschädigt (%2). Sie wurde nach %3 verschoben, und eine neue, leere Datei wurde angelegt.</translation>
    </message>
    <message>
        <source>not valid JSON</source>
        <translation>kein gültiges JSON</translation>
    </message>
    <message>
        <source>not a Postern secrets file</source>
        <translation>keine Postern-Geheimnisdatei</translation>
    </message>
    <message>
        <source>The encrypted token file %1 was written by a newer Postern (format %2).</source>
        <translation>Die verschlüsselte Token-Datei %1 wurde von einer neueren Postern-Version geschrieben (Format %2).</translation>
    </message>
    <message>
        <source>missing or invalid fields</source>
        <translation>fehlende oder ungültige Felder</translation>
    </message>
    <message>
        <source>Not enough memory to derive the key of the encrypted token file.</source>
        <translation>Nicht genügend Arbeitsspeicher, um den Schlüssel der verschlüsselten Token-Datei abzuleiten.</translation>
    </message>
    <message>
        <source>The passphrase does not open the encrypted token file %1. The file was left as it is.</source>
        <translation>Die Passphrase öffnet die verschlüsselte Token-Datei %1 nicht. Die Datei wurde unverändert gelassen.</translation>
    </message>
    <message>
        <source>the decrypted contents are not valid</source>
        <translation>der entschlüsselte Inhalt ist ungültig</translation>
    </message>
    <message>
        <source>The encrypted token file %1 is locked: enter its passphrase first.</source>
        <translation>Die verschlüsselte Token-Datei %1 ist gesperrt: Geben Sie zuerst ihre Passphrase ein.</translation>
    </message>
    <message>
        <source>No secret is stored under %1.</source>
        <translation>Unter %1 ist kein Geheimnis gespeichert.</translation>
    </message>
</context>
<context>
    <name>Postern::EncryptedTokenFile</name>
    <message>
        <source>Encrypted Token File</source>
        <translation>Verschlüsselte Token-Datei</translation>
    </message>
    <message>
        <source>Passphrase of the encrypted token file %1:</source>
        <translation>Passphrase der verschlüsselten Token-Datei %1:</translation>
    </message>
    <message>
        <source>No keychain is available. Choose a passphrase to keep tokens in the encrypted file %1:</source>
        <translation>Es ist kein Schlüsselbund verfügbar. Wählen Sie eine Passphrase, um Token in der verschlüsselten Datei %1 aufzubewahren:</translation>
    </message>
    <message>
        <source>Type the passphrase again:</source>
        <translation>Geben Sie die Passphrase erneut ein:</translation>
    </message>
    <message>
        <source>The two passphrases differ. Nothing was changed.</source>
        <translation>Die beiden Passphrasen stimmen nicht überein. Es wurde nichts geändert.</translation>
    </message>
</context>
<context>
    <name>Postern::Environment</name>
    <message>
        <source>“variables” is not a list; none were read.</source>
        <translation>„variables“ ist keine Liste; es wurden keine Variablen gelesen.</translation>
    </message>
    <message>
        <source>It is not valid JSON (%1 at byte %2).</source>
        <translation>Es ist kein gültiges JSON (%1 bei Byte %2).</translation>
    </message>
    <message>
        <source>It is not a Postern environment.</source>
        <translation>Es ist keine Postern-Umgebung.</translation>
    </message>
</context>
<context>
    <name>Postern::EnvironmentsDialog</name>
    <message>
        <source>Manage Environments</source>
        <translation>Umgebungen verwalten</translation>
    </message>
    <message>
        <source>&amp;Environments:</source>
        <translation>U&amp;mgebungen:</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Add environment</source>
        <translation>Umgebung hinzufügen</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>D&amp;uplizieren</translation>
    </message>
    <message>
        <source>Duplicate environment</source>
        <translation>Umgebung duplizieren</translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation>Umbe&amp;nennen</translation>
    </message>
    <message>
        <source>Rename environment</source>
        <translation>Umgebung umbenennen</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Delete environment</source>
        <translation>Umgebung löschen</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>Export environment to Postman</source>
        <translation>Umgebung nach Postman exportieren</translation>
    </message>
    <message>
        <source>Environment variables</source>
        <translation>Umgebungsvariablen</translation>
    </message>
    <message>
        <source>&amp;Variables (referred to as {{name}}):</source>
        <translation>&amp;Variablen (referenziert als {{name}}):</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Add Environment</source>
        <translation>Umgebung hinzufügen</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>New Environment</source>
        <translation>Neue Umgebung</translation>
    </message>
    <message>
        <source>Globals</source>
        <translation>Globale Variablen</translation>
    </message>
    <message>
        <source>Not Saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>%1 Copy</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <source>Rename Environment</source>
        <translation>Umgebung umbenennen</translation>
    </message>
    <message>
        <source>Delete Environment</source>
        <translation>Umgebung löschen</translation>
    </message>
    <message>
        <source>Delete the environment “%1” and its variables? This cannot be undone.</source>
        <translation>Die Umgebung „%1“ und ihre Variablen löschen? Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Not Deleted</source>
        <translation>Nicht gelöscht</translation>
    </message>
</context>
<context>
    <name>Postern::ExtraParametersEditor</name>
    <message>
        <source>Extra parameters</source>
        <translation>Zusätzliche Parameter</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Send in</source>
        <translation>Senden in</translation>
    </message>
    <message>
        <source>Add Para&amp;meter</source>
        <translation>Para&amp;meter hinzufügen</translation>
    </message>
    <message>
        <source>Add extra parameter</source>
        <translation>Zusätzlichen Parameter hinzufügen</translation>
    </message>
    <message>
        <source>Remove Parameter</source>
        <translation>Parameter entfernen</translation>
    </message>
    <message>
        <source>Remove extra parameter</source>
        <translation>Zusätzlichen Parameter entfernen</translation>
    </message>
    <message>
        <source>Request of extra parameter %1</source>
        <translation>Anfrage für zusätzlichen Parameter %1</translation>
    </message>
    <message>
        <source>Authorization</source>
        <translation>Autorisierung</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisierung</translation>
    </message>
    <message>
        <source>Where extra parameter %1 is sent</source>
        <translation>Wo zusätzlicher Parameter %1 gesendet wird</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Query</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
</context>
<context>
    <name>Postern::FileAccess</name>
    <message>
        <source>The file “%1” cannot be read: the request has no working directory to find it in (Settings &gt; Working Directory…).</source>
        <translation>Die Datei „%1“ kann nicht gelesen werden: Die Anfrage hat kein Arbeitsverzeichnis, in dem sie gesucht werden kann (Einstellungen &gt; Arbeitsverzeichnis…).</translation>
    </message>
    <message>
        <source>The file “%1” was not read: Postern reads a request&apos;s files only from the working directory, and none is set (Settings &gt; Working Directory…).</source>
        <translation>Die Datei „%1“ wurde nicht gelesen: Postern liest die Dateien einer Anfrage nur aus dem Arbeitsverzeichnis, und es ist keines festgelegt (Einstellungen &gt; Arbeitsverzeichnis…).</translation>
    </message>
    <message>
        <source>The file “%1” is outside the working directory “%2”, so it was not read: Postern sends only files from there (Settings &gt; Working Directory…) or ones you chose with the file dialog in this session. Copy it into the working directory or choose it again.</source>
        <translation>Die Datei „%1“ liegt außerhalb des Arbeitsverzeichnisses „%2“ und wurde daher nicht gelesen: Postern sendet nur Dateien von dort (Einstellungen &gt; Arbeitsverzeichnis…) oder solche, die Sie in dieser Sitzung im Dateidialog ausgewählt haben. Kopieren Sie sie in das Arbeitsverzeichnis oder wählen Sie sie erneut aus.</translation>
    </message>
</context>
<context>
    <name>Postern::FindBar</name>
    <message>
        <source>Find in the body</source>
        <translation>Im Body suchen</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Ca&amp;se</source>
        <translation>&amp;Groß/klein</translation>
    </message>
    <message>
        <source>Match upper and lower case exactly</source>
        <translation>Groß- und Kleinschreibung genau beachten</translation>
    </message>
    <message>
        <source>&amp;Words</source>
        <translation>&amp;Wörter</translation>
    </message>
    <message>
        <source>Whole words only</source>
        <translation>Nur ganze Wörter</translation>
    </message>
    <message>
        <source>Rege&amp;x</source>
        <translation>Rege&amp;x</translation>
    </message>
    <message>
        <source>A regular expression (Perl syntax)</source>
        <translation>Ein regulärer Ausdruck (Perl-Syntax)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Vorheriger Treffer (Umschalt+F3)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>Nächster Treffer (F3)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close find (Esc)</source>
        <translation>Suche schließen (Esc)</translation>
    </message>
    <message>
        <source>Invalid: %1</source>
        <translation>Ungültig: %1</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Keine Treffer</translation>
    </message>
    <message>
        <source>%1 of %2 (the first %3 marked)</source>
        <translation>%1 von %2 (die ersten %3 markiert)</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>Matches: %1</source>
        <translation>Treffer: %1</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Suche leeren</translation>
    </message>
</context>
<context>
    <name>Postern::FormPartsEditor</name>
    <message>
        <source>Form-data parts. Type in the last row to add one; Space toggles whether a part is sent, or in the File column whether its value is a file; Delete removes the current part.</source>
        <translation>Teile der Formulardaten. Geben Sie in der letzten Zeile etwas ein, um einen Teil hinzuzufügen; die Leertaste schaltet um, ob ein Teil gesendet wird, bzw. in der Spalte „Datei“, ob sein Wert eine Datei ist; Entf entfernt den aktuellen Teil.</translation>
    </message>
</context>
<context>
    <name>Postern::FormPartsModel</name>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Content type</source>
        <translation>Inhaltstyp</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Type here to add a part.</source>
        <translation>Hier tippen, um einen Teil hinzuzufügen.</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>(no file chosen)</source>
        <translation>(keine Datei ausgewählt)</translation>
    </message>
    <message>
        <source>Checked: the value is the path of a file to send. Space toggles it.</source>
        <translation>Markiert: Der Wert ist der Pfad einer zu sendenden Datei. Die Leertaste schaltet dies um.</translation>
    </message>
    <message>
        <source>Empty: guessed from the file name.</source>
        <translation>Leer: wird aus dem Dateinamen abgeleitet.</translation>
    </message>
    <message>
        <source>Empty: text/plain.</source>
        <translation>Leer: text/plain.</translation>
    </message>
</context>
<context>
    <name>Postern::GetTokenDialog</name>
    <message>
        <source>Get New Access Token</source>
        <translation>Neues Zugriffstoken anfordern</translation>
    </message>
    <message>
        <source>dev12345 or https://dev12345.service-now.com</source>
        <translation>dev12345 oder https://dev12345.service-now.com</translation>
    </message>
    <message>
        <source>&amp;Fill</source>
        <translation>Aus&amp;füllen</translation>
    </message>
    <message>
        <source>Fill endpoints from the ServiceNow instance</source>
        <translation>Endpunkte aus der ServiceNow-Instanz ausfüllen</translation>
    </message>
    <message>
        <source>ServiceNow inst&amp;ance:</source>
        <translation>ServiceNow-Inst&amp;anz:</translation>
    </message>
    <message>
        <source>ServiceNow instance</source>
        <translation>ServiceNow-Instanz</translation>
    </message>
    <message>
        <source>https://login.example.com, read from /.well-known/…</source>
        <translation>https://login.example.com, gelesen aus /.well-known/…</translation>
    </message>
    <message>
        <source>Disco&amp;ver</source>
        <translation>Er&amp;mitteln</translation>
    </message>
    <message>
        <source>Discover endpoints from the issuer</source>
        <translation>Endpunkte über den Aussteller ermitteln</translation>
    </message>
    <message>
        <source>Iss&amp;uer:</source>
        <translation>A&amp;ussteller:</translation>
    </message>
    <message>
        <source>Issuer URL</source>
        <translation>Aussteller-URL</translation>
    </message>
    <message>
        <source>Token &amp;Name:</source>
        <translation>Token-&amp;Name:</translation>
    </message>
    <message>
        <source>Token name</source>
        <translation>Token-Name</translation>
    </message>
    <message>
        <source>&amp;Grant Type:</source>
        <translation>&amp;Grant-Typ:</translation>
    </message>
    <message>
        <source>Grant type</source>
        <translation>Grant-Typ</translation>
    </message>
    <message>
        <source>The implicit grant is discouraged (RFC 9700): the token travels in the URL and there is no refresh token. Prefer Authorization Code (With PKCE) where the server offers it.</source>
        <translation>Der Implicit Grant wird nicht empfohlen (RFC 9700): Das Token wird in der URL übertragen, und es gibt kein Aktualisierungstoken. Verwenden Sie stattdessen „Autorisierungscode (mit PKCE)“, wenn der Server dies anbietet.</translation>
    </message>
    <message>
        <source>Call&amp;back URL:</source>
        <translation>Call&amp;back-URL:</translation>
    </message>
    <message>
        <source>Callback URL</source>
        <translation>Callback-URL</translation>
    </message>
    <message>
        <source>Authorize using s&amp;ystem browser</source>
        <translation>Über den S&amp;ystembrowser autorisieren</translation>
    </message>
    <message>
        <source>Authorize using system browser</source>
        <translation>Über den Systembrowser autorisieren</translation>
    </message>
    <message>
        <source>Sign in in your own browser; Postern listens once on 127.0.0.1 for the redirect (RFC 8252). Register http://127.0.0.1/callback as a Redirect URL (any port).</source>
        <translation>Melden Sie sich in Ihrem eigenen Browser an; Postern wartet einmalig auf 127.0.0.1 auf die Weiterleitung (RFC 8252). Registrieren Sie http://127.0.0.1/callback als Redirect-URL (beliebiger Port).</translation>
    </message>
    <message>
        <source>&amp;Auth URL:</source>
        <translation>&amp;Autorisierungs-URL:</translation>
    </message>
    <message>
        <source>Auth URL</source>
        <translation>Autorisierungs-URL</translation>
    </message>
    <message>
        <source>&amp;Device Authorization URL:</source>
        <translation>G&amp;eräteautorisierungs-URL:</translation>
    </message>
    <message>
        <source>Device authorization URL</source>
        <translation>Geräteautorisierungs-URL</translation>
    </message>
    <message>
        <source>e.g. https://login.example.com/device/code</source>
        <translation>z. B. https://login.example.com/device/code</translation>
    </message>
    <message>
        <source>Access &amp;Token URL:</source>
        <translation>Zugriffs&amp;token-URL:</translation>
    </message>
    <message>
        <source>Access token URL</source>
        <translation>Zugriffstoken-URL</translation>
    </message>
    <message>
        <source>Refresh Token UR&amp;L:</source>
        <translation>Aktualisierungstoken-UR&amp;L:</translation>
    </message>
    <message>
        <source>Refresh token URL</source>
        <translation>Aktualisierungstoken-URL</translation>
    </message>
    <message>
        <source>Same as the Access Token URL</source>
        <translation>Wie die Zugriffstoken-URL</translation>
    </message>
    <message>
        <source>Revo&amp;ke Token URL:</source>
        <translation>To&amp;ken-Widerrufs-URL:</translation>
    </message>
    <message>
        <source>Revoke token URL</source>
        <translation>Token-Widerrufs-URL</translation>
    </message>
    <message>
        <source>e.g. https://INSTANCE.service-now.com/oauth_revoke_token.do</source>
        <translation>z. B. https://INSTANCE.service-now.com/oauth_revoke_token.do</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Asked for each time; never saved</source>
        <translation>Wird jedes Mal abgefragt; nie gespeichert</translation>
    </message>
    <message>
        <source>Client &amp;ID:</source>
        <translation>Client-&amp;ID:</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>Client &amp;Secret:</source>
        <translation>Client-Geheimni&amp;s:</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Client-Geheimnis</translation>
    </message>
    <message>
        <source>Sho&amp;w client secret</source>
        <translation>Client-Geheimnis an&amp;zeigen</translation>
    </message>
    <message>
        <source>Show client secret</source>
        <translation>Client-Geheimnis anzeigen</translation>
    </message>
    <message>
        <source>S&amp;cope:</source>
        <translation>S&amp;cope:</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>e.g. useraccount</source>
        <translation>z. B. useraccount</translation>
    </message>
    <message>
        <source>St&amp;ate:</source>
        <translation>St&amp;ate:</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Leave empty for a fresh random value per request</source>
        <translation>Leer lassen für einen neuen Zufallswert pro Anfrage</translation>
    </message>
    <message>
        <source>Client Authenticatio&amp;n:</source>
        <translation>Client-Authentifizieru&amp;ng:</translation>
    </message>
    <message>
        <source>Client authentication</source>
        <translation>Client-Authentifizierung</translation>
    </message>
    <message>
        <source>Plain</source>
        <translation>Plain</translation>
    </message>
    <message>
        <source>Code C&amp;hallenge Method:</source>
        <translation>Code-C&amp;hallenge-Methode:</translation>
    </message>
    <message>
        <source>Code challenge method</source>
        <translation>Code-Challenge-Methode</translation>
    </message>
    <message>
        <source>Code &amp;Verifier:</source>
        <translation>Code-&amp;Verifier:</translation>
    </message>
    <message>
        <source>Code verifier</source>
        <translation>Code-Verifier</translation>
    </message>
    <message>
        <source>Show advanced &amp;options</source>
        <translation>Erweiterte &amp;Optionen anzeigen</translation>
    </message>
    <message>
        <source>Show advanced options</source>
        <translation>Erweiterte Optionen anzeigen</translation>
    </message>
    <message>
        <source>Push the authorization request first (PAR, RFC 9126)</source>
        <translation>Autorisierungsanfrage zuerst übermitteln (PAR, RFC 9126)</translation>
    </message>
    <message>
        <source>Push the authorization request first</source>
        <translation>Autorisierungsanfrage zuerst übermitteln</translation>
    </message>
    <message>
        <source>The parameters go to the server&apos;s PAR endpoint with the client&apos;s authentication; the login page gets only a reference to them.</source>
        <translation>Die Parameter gehen mit der Client-Authentifizierung an den PAR-Endpunkt des Servers; die Anmeldeseite erhält nur einen Verweis darauf.</translation>
    </message>
    <message>
        <source>PAR Endpoint URL:</source>
        <translation>PAR-Endpunkt-URL:</translation>
    </message>
    <message>
        <source>PAR endpoint URL</source>
        <translation>PAR-Endpunkt-URL</translation>
    </message>
    <message>
        <source>Filled by Discover (pushed_authorization_request_endpoint)</source>
        <translation>Wird von „Ermitteln“ ausgefüllt (pushed_authorization_request_endpoint)</translation>
    </message>
    <message>
        <source>Bind the token to a key with &amp;DPoP (RFC 9449)</source>
        <translation>Token mit &amp;DPoP an einen Schlüssel binden (RFC 9449)</translation>
    </message>
    <message>
        <source>Bind the token to a key with DPoP</source>
        <translation>Token mit DPoP an einen Schlüssel binden</translation>
    </message>
    <message>
        <source>Postern makes a key pair for the token, proves it to the token endpoint and with every request that uses the token (Authorization: DPoP). A copied token is useless without the key, which is kept in the keychain with the token.</source>
        <translation>Postern erzeugt ein Schlüsselpaar für das Token und weist es gegenüber dem Token-Endpunkt sowie bei jeder Anfrage nach, die das Token verwendet (Authorization: DPoP). Ein kopiertes Token ist ohne den Schlüssel nutzlos; dieser wird zusammen mit dem Token im Schlüsselbund aufbewahrt.</translation>
    </message>
    <message>
        <source>Audie&amp;nce:</source>
        <translation>Audie&amp;nce:</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Audience</translation>
    </message>
    <message>
        <source>Sent with the authorization and token requests</source>
        <translation>Wird mit der Autorisierungs- und den Token-Anfragen gesendet</translation>
    </message>
    <message>
        <source>Resou&amp;rce:</source>
        <translation>Resou&amp;rce:</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Resource</translation>
    </message>
    <message>
        <source>RFC 8707; sent with every request</source>
        <translation>RFC 8707; wird mit jeder Anfrage gesendet</translation>
    </message>
    <message>
        <source>E&amp;xtra parameters:</source>
        <translation>&amp;Weitere Parameter:</translation>
    </message>
    <message>
        <source>&amp;Request Token</source>
        <translation>Token anfo&amp;rdern</translation>
    </message>
    <message>
        <source>Request Token</source>
        <translation>Token anfordern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>The login window was closed before access was allowed. No token was stored.</source>
        <translation>Das Anmeldefenster wurde geschlossen, bevor der Zugriff erlaubt wurde. Es wurde kein Token gespeichert.</translation>
    </message>
    <message>
        <source>http://127.0.0.1:&lt;port&gt;/callback, chosen at Request Token</source>
        <translation>http://127.0.0.1:&lt;port&gt;/callback, festgelegt bei „Token anfordern“</translation>
    </message>
    <message>
        <source>Requesting a token from %1…</source>
        <translation>Token wird von %1 angefordert…</translation>
    </message>
    <message>
        <source>Waiting for you to sign in and allow access in your browser… (Cancel stops waiting.)</source>
        <translation>Warten auf Ihre Anmeldung und Zugriffsfreigabe im Browser… („Abbrechen“ beendet das Warten.)</translation>
    </message>
    <message>
        <source>Waiting for you to sign in and allow access in the login window…</source>
        <translation>Warten auf Ihre Anmeldung und Zugriffsfreigabe im Anmeldefenster…</translation>
    </message>
    <message>
        <source>Asking %1 for a code…</source>
        <translation>Code wird von %1 angefordert…</translation>
    </message>
    <message>
        <source>The browser could not be started: %1 Open the page on another device.</source>
        <translation>Der Browser konnte nicht gestartet werden: %1 Öffnen Sie die Seite auf einem anderen Gerät.</translation>
    </message>
    <message>
        <source>A PEM or PKCS#12 (.p12, .pfx) file holding the private key</source>
        <translation>Eine PEM- oder PKCS#12-Datei (.p12, .pfx) mit dem privaten Schlüssel</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Durch&amp;suchen…</translation>
    </message>
    <message>
        <source>Choose the private key file</source>
        <translation>Datei mit privatem Schlüssel auswählen</translation>
    </message>
    <message>
        <source>Private &amp;Key File:</source>
        <translation>&amp;Datei mit privatem Schlüssel:</translation>
    </message>
    <message>
        <source>Private key file</source>
        <translation>Datei mit privatem Schlüssel</translation>
    </message>
    <message>
        <source>Private Key File</source>
        <translation>Datei mit privatem Schlüssel</translation>
    </message>
    <message>
        <source>Private keys (*.pem *.key *.p12 *.pfx);;All files (*)</source>
        <translation>Private Schlüssel (*.pem *.key *.p12 *.pfx);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Only for an encrypted key; kept in the keychain</source>
        <translation>Nur für einen verschlüsselten Schlüssel; wird im Schlüsselbund aufbewahrt</translation>
    </message>
    <message>
        <source>Key Passphrase:</source>
        <translation>Schlüssel-Passphrase:</translation>
    </message>
    <message>
        <source>Key passphrase</source>
        <translation>Schlüssel-Passphrase</translation>
    </message>
    <message>
        <source>Show key passphrase</source>
        <translation>Schlüssel-Passphrase anzeigen</translation>
    </message>
    <message>
        <source>Key ID (kid):</source>
        <translation>Schlüssel-ID (kid):</translation>
    </message>
    <message>
        <source>Key ID</source>
        <translation>Schlüssel-ID</translation>
    </message>
    <message>
        <source>The kid the server knows the key by; empty: none is sent</source>
        <translation>Die kid, unter der der Server den Schlüssel kennt; leer: es wird keine gesendet</translation>
    </message>
    <message>
        <source>From the key (RS256 for RSA, ES256 for EC P-256)</source>
        <translation>Aus dem Schlüssel (RS256 für RSA, ES256 für EC P-256)</translation>
    </message>
    <message>
        <source>Signing Algorithm:</source>
        <translation>Signaturalgorithmus:</translation>
    </message>
    <message>
        <source>Signing algorithm</source>
        <translation>Signaturalgorithmus</translation>
    </message>
    <message>
        <source>Assertion Audience:</source>
        <translation>Assertion-Audience:</translation>
    </message>
    <message>
        <source>Assertion audience</source>
        <translation>Assertion-Audience</translation>
    </message>
    <message>
        <source>Empty: the Access Token URL; some servers want their issuer</source>
        <translation>Leer: die Zugriffstoken-URL; manche Server erwarten ihren Aussteller</translation>
    </message>
    <message>
        <source>JWT Issuer (iss):</source>
        <translation>JWT-Aussteller (iss):</translation>
    </message>
    <message>
        <source>JWT issuer</source>
        <translation>JWT-Aussteller</translation>
    </message>
    <message>
        <source>Empty: the Client ID</source>
        <translation>Leer: die Client-ID</translation>
    </message>
    <message>
        <source>Who signs the assertion. A Google service account: its e-mail address.</source>
        <translation>Wer die Assertion signiert. Bei einem Google-Dienstkonto: dessen E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>JWT Subject (sub):</source>
        <translation>JWT-Subject (sub):</translation>
    </message>
    <message>
        <source>JWT subject</source>
        <translation>JWT-Subject</translation>
    </message>
    <message>
        <source>The user the token is for; empty: the issuer</source>
        <translation>Der Benutzer, für den das Token bestimmt ist; leer: der Aussteller</translation>
    </message>
    <message>
        <source>ServiceNow matches it against the User field of its JWT verifier map (user name, e-mail or sys_id).</source>
        <translation>ServiceNow gleicht ihn mit dem Feld „User“ seiner JWT Verifier Map ab (Benutzername, E-Mail-Adresse oder sys_id).</translation>
    </message>
    <message>
        <source>JWT Audience (aud):</source>
        <translation>JWT-Audience (aud):</translation>
    </message>
    <message>
        <source>JWT audience</source>
        <translation>JWT-Audience</translation>
    </message>
    <message>
        <source>Empty: the Access Token URL</source>
        <translation>Leer: die Zugriffstoken-URL</translation>
    </message>
    <message>
        <source>Some servers want another value: older ServiceNow instances the Client ID, DocuSign its account server&apos;s host name.</source>
        <translation>Manche Server erwarten einen anderen Wert: ältere ServiceNow-Instanzen die Client-ID, DocuSign den Hostnamen seines Account-Servers.</translation>
    </message>
    <message>
        <source>JWT Claims:</source>
        <translation>JWT-Claims:</translation>
    </message>
    <message>
        <source>JWT claims</source>
        <translation>JWT-Claims</translation>
    </message>
    <message>
        <source>More claims as JSON, e.g. {&quot;scope&quot;: &quot;read&quot;}</source>
        <translation>Weitere Claims als JSON, z. B. {&quot;scope&quot;: &quot;read&quot;}</translation>
    </message>
    <message>
        <source>A JSON object of claims added to the assertion; a claim named here replaces the one above (iss, sub, aud, exp, …).</source>
        <translation>Ein JSON-Objekt mit Claims, die der Assertion hinzugefügt werden; ein hier angegebener Claim ersetzt den entsprechenden oben (iss, sub, aud, exp, …).</translation>
    </message>
    <message>
        <source>Reading the metadata of %1…</source>
        <translation>Metadaten von %1 werden gelesen…</translation>
    </message>
    <message>
        <source>Endpoints of %1 filled in.</source>
        <translation>Endpunkte von %1 ausgefüllt.</translation>
    </message>
    <message>
        <source>PKCE methods: %1.</source>
        <translation>PKCE-Methoden: %1.</translation>
    </message>
    <message>
        <source>Client authentication: %1.</source>
        <translation>Client-Authentifizierung: %1.</translation>
    </message>
    <message>
        <source>It names itself on every redirect (iss, RFC 9207); Postern will check it.</source>
        <translation>Der Server nennt sich bei jeder Weiterleitung selbst (iss, RFC 9207); Postern wird dies prüfen.</translation>
    </message>
    <message>
        <source>Auth URL and Access Token URL are set for %1.</source>
        <translation>Autorisierungs-URL und Zugriffstoken-URL sind für %1 festgelegt.</translation>
    </message>
</context>
<context>
    <name>Postern::HistoryEntry</name>
    <message>
        <source>A response body&apos;s base64 is damaged; the body is left empty.</source>
        <translation>Das Base64 eines Antwort-Bodys ist beschädigt; der Body bleibt leer.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>An entry without an id or a request was dropped.</source>
        <translation>Ein Eintrag ohne ID oder Anfrage wurde verworfen.</translation>
    </message>
</context>
<context>
    <name>Postern::HistoryPane</name>
    <message>
        <source>Search history</source>
        <translation>Verlauf durchsuchen</translation>
    </message>
    <message>
        <source>Search method, URL or status</source>
        <translation>Methode, URL oder Status suchen</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>Suche leeren</translation>
    </message>
    <message>
        <source>Request history</source>
        <translation>Anfrageverlauf</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <source>&amp;Open in New Tab</source>
        <translation>In neuem Tab ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>History summary</source>
        <translation>Verlaufsübersicht</translation>
    </message>
    <message>
        <source>C&amp;lear…</source>
        <translation>&amp;Leeren…</translation>
    </message>
    <message>
        <source>Clear history</source>
        <translation>Verlauf leeren</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>No requests yet.</source>
        <translation>Noch keine Anfragen.</translation>
    </message>
    <message>
        <source>1 request</source>
        <translation>1 Anfrage</translation>
    </message>
    <message>
        <source>%1 requests</source>
        <translation>%1 Anfragen</translation>
    </message>
    <message>
        <source>No request matches.</source>
        <translation>Keine Anfrage passt.</translation>
    </message>
    <message>
        <source>%1 of %2 requests</source>
        <translation>%1 von %2 Anfragen</translation>
    </message>
    <message>
        <source>Sent %1</source>
        <translation>Gesendet: %1</translation>
    </message>
    <message>
        <source>Clear History</source>
        <translation>Verlauf leeren</translation>
    </message>
    <message>
        <source>Delete the request in history? This cannot be undone.</source>
        <translation>Die Anfrage im Verlauf löschen? Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Delete all %1 requests in history? This cannot be undone.</source>
        <translation>Alle %1 Anfragen im Verlauf löschen? Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
</context>
<context>
    <name>Postern::HistoryStore</name>
    <message>
        <source>history</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>History is</source>
        <translation>Der Verlauf wird</translation>
    </message>
    <message>
        <source>history file</source>
        <translation>Verlaufsdatei</translation>
    </message>
    <message>
        <source>history starts empty</source>
        <translation>der Verlauf beginnt leer</translation>
    </message>
    <message>
        <source>One history entry could not be read and was left out.</source>
        <translation>Ein Verlaufseintrag konnte nicht gelesen werden und wurde weggelassen.</translation>
    </message>
    <message>
        <source>%1 history entries could not be read and were left out.</source>
        <translation>%1 Verlaufseinträge konnten nicht gelesen werden und wurden weggelassen.</translation>
    </message>
</context>
<context>
    <name>Postern::HtmlPreview</name>
    <message>
        <source>The preview shows HTML of up to 2 MB; this body is larger. Pretty and Raw show all of it.</source>
        <translation>Die Vorschau zeigt HTML bis 2 MB an; dieser Body ist größer. „Formatiert“ und „Roh“ zeigen ihn vollständig.</translation>
    </message>
    <message>
        <source>HTML preview</source>
        <translation>HTML-Vorschau</translation>
    </message>
    <message>
        <source>The page could not be drawn.</source>
        <translation>Die Seite konnte nicht dargestellt werden.</translation>
    </message>
</context>
<context>
    <name>Postern::HttpCall</name>
    <message>
        <source>Could not resolve host “%1”. Check the URL and your network connection.</source>
        <translation>Der Host „%1“ konnte nicht aufgelöst werden. Prüfen Sie die URL und Ihre Netzwerkverbindung.</translation>
    </message>
    <message>
        <source>Connection refused by %1:%2. Is the server running?</source>
        <translation>Verbindung von %1:%2 abgelehnt. Läuft der Server?</translation>
    </message>
    <message>
        <source>The server closed the connection before answering.</source>
        <translation>Der Server hat die Verbindung vor der Antwort geschlossen.</translation>
    </message>
    <message>
        <source>The connection to %1 timed out.</source>
        <translation>Zeitüberschreitung bei der Verbindung zu %1.</translation>
    </message>
    <message>
        <source>Too many redirects.</source>
        <translation>Zu viele Weiterleitungen.</translation>
    </message>
    <message>
        <source>The server redirected from https to plain http; the redirect was not followed.</source>
        <translation>Der Server hat von https auf unverschlüsseltes http weitergeleitet; der Weiterleitung wurde nicht gefolgt.</translation>
    </message>
    <message>
        <source>The URL&apos;s scheme is not supported.</source>
        <translation>Das Schema der URL wird nicht unterstützt.</translation>
    </message>
    <message>
        <source>The request failed: %1</source>
        <translation>Die Anfrage ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The server redirected from https to plain http (%1); the redirect was not followed.</source>
        <translation>Der Server hat von https auf unverschlüsseltes http weitergeleitet (%1); der Weiterleitung wurde nicht gefolgt.</translation>
    </message>
    <message>
        <source>The request was canceled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
    <message>
        <source>No answer within %1 ms: the request timed out. The timeout can be changed in the request&apos;s Settings tab.</source>
        <translation>Keine Antwort innerhalb von %1 ms: Zeitüberschreitung der Anfrage. Das Zeitlimit lässt sich im Tab „Einstellungen“ der Anfrage ändern.</translation>
    </message>
    <message>
        <source>The answer is larger than %1 MiB; it was not read to the end.</source>
        <translation>Die Antwort ist größer als %1 MiB; sie wurde nicht bis zum Ende gelesen.</translation>
    </message>
    <message>
        <source>The answer is larger than %1 MiB and could not be kept in a temporary file: %2</source>
        <translation>Die Antwort ist größer als %1 MiB und konnte nicht in einer temporären Datei aufbewahrt werden: %2</translation>
    </message>
    <message>
        <source>TLS error: %1. The connection was refused; turn off certificate verification in the request&apos;s Settings tab only if you trust this server.</source>
        <translation>TLS-Fehler: %1. Die Verbindung wurde abgelehnt; schalten Sie die Zertifikatsprüfung im Tab „Einstellungen“ der Anfrage nur aus, wenn Sie diesem Server vertrauen.</translation>
    </message>
</context>
<context>
    <name>Postern::HttpRequest</name>
    <message>
        <source>“method” is not text; GET is used.</source>
        <translation>„method“ ist kein Text; GET wird verwendet.</translation>
    </message>
    <message>
        <source>“timeoutMs” is out of range; the default is used.</source>
        <translation>„timeoutMs“ liegt außerhalb des gültigen Bereichs; der Standardwert wird verwendet.</translation>
    </message>
    <message>
        <source>The body&apos;s base64 is damaged; the body is left empty.</source>
        <translation>Das Base64 des Bodys ist beschädigt; der Body bleibt leer.</translation>
    </message>
    <message>
        <source>The body mode “%1” is unknown; the raw body is used.</source>
        <translation>Der Body-Modus „%1“ ist unbekannt; der Roh-Body wird verwendet.</translation>
    </message>
    <message>
        <source>Header “%1”: %2</source>
        <translation>Header „%1“: %2</translation>
    </message>
    <message>
        <source>The timeout cannot be negative.</source>
        <translation>Das Timeout darf nicht negativ sein.</translation>
    </message>
</context>
<context>
    <name>Postern::HttpTimings</name>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>did not happen: the exchange ended before</source>
        <translation>nicht erfolgt: der Austausch endete vorher</translation>
    </message>
    <message>
        <source>Redirects</source>
        <translation>Weiterleitungen</translation>
    </message>
    <message>
        <source>1 redirect followed; the phases below are the last request&apos;s</source>
        <translation>1 Weiterleitung gefolgt; die Phasen unten gehören zur letzten Anfrage</translation>
    </message>
    <message>
        <source>%1 redirects followed; the phases below are the last request&apos;s</source>
        <translation>%1 Weiterleitungen gefolgt; die Phasen unten gehören zur letzten Anfrage</translation>
    </message>
    <message>
        <source>Prepare</source>
        <translation>Vorbereitung</translation>
    </message>
    <message>
        <source>until a connection was started</source>
        <translation>bis eine Verbindung begonnen wurde</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>DNS lookup, TCP and TLS handshakes: Qt does not report where one ends</source>
        <translation>DNS-Auflösung, TCP- und TLS-Handshake: Qt meldet nicht, wo eines endet</translation>
    </message>
    <message>
        <source>DNS lookup, TCP handshake and writing the request: Qt does not report the end of the connect apart</source>
        <translation>DNS-Auflösung, TCP-Handshake und Schreiben der Anfrage: Qt meldet das Ende des Verbindungsaufbaus nicht gesondert</translation>
    </message>
    <message>
        <source>TLS handshake</source>
        <translation>TLS-Handshake</translation>
    </message>
    <message>
        <source>inside Connect: Qt reports its end, not its start</source>
        <translation>innerhalb von „Verbindung“: Qt meldet sein Ende, nicht seinen Beginn</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>writing the request</source>
        <translation>Schreiben der Anfrage</translation>
    </message>
    <message>
        <source>none: a connection kept open from before was reused</source>
        <translation>keine: eine zuvor offen gehaltene Verbindung wurde wiederverwendet</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Warten</translation>
    </message>
    <message>
        <source>time to the first byte of the answer</source>
        <translation>Zeit bis zum ersten Byte der Antwort</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Download</translation>
    </message>
    <message>
        <source>reading the answer</source>
        <translation>Lesen der Antwort</translation>
    </message>
    <message>
        <source>redirects %1</source>
        <translation>Weiterleitungen %1</translation>
    </message>
    <message>
        <source>connection reused</source>
        <translation>Verbindung wiederverwendet</translation>
    </message>
    <message>
        <source>TLS in connect</source>
        <translation>TLS in Verbindung</translation>
    </message>
    <message>
        <source>prepare %1</source>
        <translation>Vorbereitung %1</translation>
    </message>
    <message>
        <source>connect %1</source>
        <translation>Verbindung %1</translation>
    </message>
    <message>
        <source>TLS handshake %1</source>
        <translation>TLS-Handshake %1</translation>
    </message>
    <message>
        <source>send %1</source>
        <translation>Senden %1</translation>
    </message>
    <message>
        <source>waiting %1</source>
        <translation>Warten %1</translation>
    </message>
    <message>
        <source>download %1</source>
        <translation>Download %1</translation>
    </message>
    <message>
        <source>total %1</source>
        <translation>Gesamt %1</translation>
    </message>
</context>
<context>
    <name>Postern::HttpValidation</name>
    <message>
        <source>a space</source>
        <translation>ein Leerzeichen</translation>
    </message>
    <message>
        <source>a tab</source>
        <translation>ein Tabulator</translation>
    </message>
    <message>
        <source>a carriage return (CR)</source>
        <translation>ein Wagenrücklauf (CR)</translation>
    </message>
    <message>
        <source>a line feed (LF)</source>
        <translation>ein Zeilenvorschub (LF)</translation>
    </message>
    <message>
        <source>a NUL character</source>
        <translation>ein NUL-Zeichen</translation>
    </message>
    <message>
        <source>the control character U+%1</source>
        <translation>das Steuerzeichen U+%1</translation>
    </message>
    <message>
        <source>The header name is empty.</source>
        <translation>Der Header-Name ist leer.</translation>
    </message>
    <message>
        <source>The method is empty.</source>
        <translation>Die Methode ist leer.</translation>
    </message>
    <message>
        <source>The header name “%1” contains %2, which is not allowed in a header name.</source>
        <translation>Der Header-Name „%1“ enthält %2, was in einem Header-Namen nicht erlaubt ist.</translation>
    </message>
    <message>
        <source>The method “%1” contains %2, which is not allowed in a method.</source>
        <translation>Die Methode „%1“ enthält %2, was in einer Methode nicht erlaubt ist.</translation>
    </message>
    <message>
        <source>A header value contains %1, which would break the request.</source>
        <translation>Ein Header-Wert enthält %1, was die Anfrage ungültig machen würde.</translation>
    </message>
    <message>
        <source>Enter a URL to send the request to.</source>
        <translation>Geben Sie eine URL ein, an die die Anfrage gesendet werden soll.</translation>
    </message>
    <message>
        <source>The URL has no scheme: start it with http:// or https://.</source>
        <translation>Die URL hat kein Schema: Beginnen Sie sie mit http:// oder https://.</translation>
    </message>
    <message>
        <source>The scheme “%1” is not supported: use http:// or https://.</source>
        <translation>Das Schema „%1“ wird nicht unterstützt: Verwenden Sie http:// oder https://.</translation>
    </message>
    <message>
        <source>The URL is not valid: %1.</source>
        <translation>Die URL ist ungültig: %1.</translation>
    </message>
    <message>
        <source>The URL has no host: write it as %1://host/path.</source>
        <translation>Die URL hat keinen Host: Schreiben Sie sie als %1://host/pfad.</translation>
    </message>
</context>
<context>
    <name>Postern::ImagePreview</name>
    <message>
        <source>The image is %1 × %2 pixels, more than the preview draws (%3 million); Hex shows its bytes, and Save Response keeps it.</source>
        <translation>Das Bild hat %1 × %2 Pixel, mehr als die Vorschau darstellt (%3 Millionen); „Hex“ zeigt seine Bytes, und „Antwort speichern“ speichert es.</translation>
    </message>
    <message>
        <source>The image could not be read (%1): %2.</source>
        <translation>Das Bild konnte nicht gelesen werden (%1): %2.</translation>
    </message>
    <message>
        <source>%1, %2 × %3 pixels, %4</source>
        <translation>%1, %2 × %3 Pixel, %4</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Image preview</source>
        <translation>Bildvorschau</translation>
    </message>
    <message>
        <source>No image</source>
        <translation>Kein Bild</translation>
    </message>
    <message>
        <source>Image: %1</source>
        <translation>Bild: %1</translation>
    </message>
</context>
<context>
    <name>Postern::ImportExport</name>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Postman or Postern files (%1)</source>
        <translation>Postman- oder Postern-Dateien (%1)</translation>
    </message>
    <message>
        <source>curl commands (%1)</source>
        <translation>curl-Befehle (%1)</translation>
    </message>
    <message>
        <source>All files (%1)</source>
        <translation>Alle Dateien (%1)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Include secret values (passwords, tokens, client secrets, secret variables) in the file? Without them, they are exported as empty values; {{variable}} references are not secrets and are exported as they are.</source>
        <translation>Geheime Werte (Passwörter, Token, Client-Geheimnisse, geheime Variablen) in die Datei aufnehmen? Ohne sie werden sie als leere Werte exportiert; {{variable}}-Verweise sind keine Geheimnisse und werden unverändert exportiert.</translation>
    </message>
    <message>
        <source>Leave Them Out</source>
        <translation>Weglassen</translation>
    </message>
    <message>
        <source>Include Them</source>
        <translation>Aufnehmen</translation>
    </message>
    <message>
        <source>Export to Postman v2.1</source>
        <translation>Nach Postman v2.1 exportieren</translation>
    </message>
    <message>
        <source>Postman collection (%1)</source>
        <translation>Postman-Sammlung (%1)</translation>
    </message>
    <message>
        <source>Not Exported</source>
        <translation>Nicht exportiert</translation>
    </message>
    <message>
        <source>Globals</source>
        <translation>Globale Variablen</translation>
    </message>
    <message>
        <source>Export Environment</source>
        <translation>Umgebung exportieren</translation>
    </message>
    <message>
        <source>Postman environment (%1)</source>
        <translation>Postman-Umgebung (%1)</translation>
    </message>
</context>
<context>
    <name>Postern::Interop</name>
    <message>
        <source>The file is larger than %1 MiB; Postern does not import it.</source>
        <translation>Die Datei ist größer als %1 MiB; Postern importiert sie nicht.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Die Datei ist leer.</translation>
    </message>
    <message>
        <source>It is not valid JSON (%1 at byte %2).</source>
        <translation>Es ist kein gültiges JSON (%1 bei Byte %2).</translation>
    </message>
    <message>
        <source>It is not a collection or an environment: the file holds a list, not an object.</source>
        <translation>Es ist weder eine Sammlung noch eine Umgebung: Die Datei enthält eine Liste, kein Objekt.</translation>
    </message>
    <message>
        <source>The environment file is larger than %1 MiB; Postern does not import it.</source>
        <translation>Die Umgebungsdatei ist größer als %1 MiB; Postern importiert sie nicht.</translation>
    </message>
    <message>
        <source>It is not a Postman collection (v2.0 or v2.1), a Postman environment, a Postern collection or environment, or a curl command.</source>
        <translation>Es ist weder eine Postman-Sammlung (v2.0 oder v2.1) noch eine Postman-Umgebung, eine Postern-Sammlung oder -Umgebung oder ein curl-Befehl.</translation>
    </message>
</context>
<context>
    <name>Postern::ItemSettingsDialog</name>
    <message>
        <source>Collection Settings</source>
        <translation>Sammlungseinstellungen</translation>
    </message>
    <message>
        <source>Folder Settings</source>
        <translation>Ordnereinstellungen</translation>
    </message>
    <message>
        <source>Request Settings</source>
        <translation>Anfrageeinstellungen</translation>
    </message>
    <message>
        <source>Collection settings</source>
        <translation>Sammlungseinstellungen</translation>
    </message>
    <message>
        <source>Folder settings</source>
        <translation>Ordnereinstellungen</translation>
    </message>
    <message>
        <source>Request settings</source>
        <translation>Anfrageeinstellungen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>All&amp;gemein</translation>
    </message>
    <message>
        <source>This folder uses the authorization of “%1” (%2).</source>
        <translation>Dieser Ordner verwendet die Autorisierung von „%1“ (%2).</translation>
    </message>
    <message>
        <source>&amp;Authorization</source>
        <translation>&amp;Autorisierung</translation>
    </message>
    <message>
        <source>Scr&amp;ipts</source>
        <translation>Skr&amp;ipte</translation>
    </message>
    <message>
        <source>Asse&amp;rtions</source>
        <translation>P&amp;rüfungen</translation>
    </message>
    <message>
        <source>Collection variables</source>
        <translation>Sammlungsvariablen</translation>
    </message>
    <message>
        <source>&amp;Variables</source>
        <translation>&amp;Variablen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Not Saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>The collection is gone.</source>
        <translation>Die Sammlung existiert nicht mehr.</translation>
    </message>
    <message>
        <source>The name is empty.</source>
        <translation>Der Name ist leer.</translation>
    </message>
    <message>
        <source>The item is gone.</source>
        <translation>Das Element existiert nicht mehr.</translation>
    </message>
</context>
<context>
    <name>Postern::JsonFile</name>
    <message>
        <source>it is larger than %1 MiB</source>
        <translation>sie ist größer als %1 MiB</translation>
    </message>
    <message>
        <source>it is not valid JSON: %1 at byte %2</source>
        <translation>sie ist kein gültiges JSON: %1 bei Byte %2</translation>
    </message>
    <message>
        <source>it was written by a newer version of Postern</source>
        <translation>sie wurde von einer neueren Version von Postern geschrieben</translation>
    </message>
</context>
<context>
    <name>Postern::JsonFilterBar</name>
    <message>
        <source>Filter with JSONPath</source>
        <translation>Mit JSONPath filtern</translation>
    </message>
    <message>
        <source>Filter with JSONPath: $.result[*].number</source>
        <translation>Mit JSONPath filtern: $.result[*].number</translation>
    </message>
    <message>
        <source>A JSONPath (RFC 9535) picks the parts of the body to show; Escape shows it all</source>
        <translation>Ein JSONPath (RFC 9535) wählt die anzuzeigenden Teile des Bodys aus; Esc zeigt alles an</translation>
    </message>
    <message>
        <source>Shows only the parts of the body a JSONPath picks</source>
        <translation>Zeigt nur die Teile des Bodys an, die ein JSONPath auswählt</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Invalid: %1</source>
        <translation>Ungültig: %1</translation>
    </message>
    <message>
        <source>Filtering…</source>
        <translation>Wird gefiltert…</translation>
    </message>
    <message>
        <source>%1 matches, more text than four times the body: not shown. Narrow the filter.</source>
        <translation>%1 Treffer, mehr Text als das Vierfache des Bodys: nicht angezeigt. Schränken Sie den Filter ein.</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>1 Treffer</translation>
    </message>
    <message>
        <source>%1 matches</source>
        <translation>%1 Treffer</translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation>Filter leeren</translation>
    </message>
</context>
<context>
    <name>Postern::JsonIndex</name>
    <message>
        <source>Control character in a string</source>
        <translation>Steuerzeichen in einer Zeichenkette</translation>
    </message>
    <message>
        <source>Invalid \u escape</source>
        <translation>Ungültige \u-Escape-Sequenz</translation>
    </message>
    <message>
        <source>Invalid escape in a string</source>
        <translation>Ungültige Escape-Sequenz in einer Zeichenkette</translation>
    </message>
    <message>
        <source>Unterminated string</source>
        <translation>Nicht abgeschlossene Zeichenkette</translation>
    </message>
    <message>
        <source>end of input</source>
        <translation>Eingabeende</translation>
    </message>
    <message>
        <source>byte 0x%1</source>
        <translation>Byte 0x%1</translation>
    </message>
    <message>
        <source>%1 at line %2, column %3</source>
        <translation>%1 in Zeile %2, Spalte %3</translation>
    </message>
    <message>
        <source>Unexpected %1 after the end of the JSON value</source>
        <translation>Unerwartetes %1 nach dem Ende des JSON-Werts</translation>
    </message>
    <message>
        <source>Expected &apos;:&apos; but found %1</source>
        <translation>&apos;:&apos; erwartet, aber %1 gefunden</translation>
    </message>
    <message>
        <source>Expected &apos;,&apos; or &apos;%1&apos; but found %2</source>
        <translation>&apos;,&apos; oder &apos;%1&apos; erwartet, aber %2 gefunden</translation>
    </message>
    <message>
        <source>Expected a key in double quotes but found %1</source>
        <translation>Schlüssel in doppelten Anführungszeichen erwartet, aber %1 gefunden</translation>
    </message>
    <message>
        <source>Invalid number</source>
        <translation>Ungültige Zahl</translation>
    </message>
    <message>
        <source>Unexpected %1</source>
        <translation>Unerwartetes %1</translation>
    </message>
    <message>
        <source>Empty document</source>
        <translation>Leeres Dokument</translation>
    </message>
    <message>
        <source>Unexpected end of input</source>
        <translation>Unerwartetes Eingabeende</translation>
    </message>
</context>
<context>
    <name>Postern::JsonNodes</name>
    <message>
        <source>object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>array</source>
        <translation>Array</translation>
    </message>
    <message>
        <source>string</source>
        <translation>Zeichenkette</translation>
    </message>
    <message>
        <source>number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>Boolescher Wert</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
</context>
<context>
    <name>Postern::JsonPathParser</name>
    <message>
        <source>A query starts with &apos;$&apos;</source>
        <translation>Eine Abfrage beginnt mit &apos;$&apos;</translation>
    </message>
    <message>
        <source>the end of the query</source>
        <translation>das Ende der Abfrage</translation>
    </message>
    <message>
        <source>Nested more than %1 deep</source>
        <translation>Mehr als %1 Ebenen tief verschachtelt</translation>
    </message>
    <message>
        <source>a name, &apos;*&apos; or &apos;[&apos; after &apos;..&apos;</source>
        <translation>ein Name, &apos;*&apos; oder &apos;[&apos; nach &apos;..&apos;</translation>
    </message>
    <message>
        <source>a name or &apos;*&apos; after &apos;.&apos;</source>
        <translation>ein Name oder &apos;*&apos; nach &apos;.&apos;</translation>
    </message>
    <message>
        <source>&apos;,&apos; or &apos;]&apos;</source>
        <translation>&apos;,&apos; oder &apos;]&apos;</translation>
    </message>
    <message>
        <source>a selector (a name in quotes, &apos;*&apos;, an index, a slice or a filter)</source>
        <translation>ein Selektor (ein Name in Anführungszeichen, &apos;*&apos;, ein Index, ein Slice oder ein Filter)</translation>
    </message>
    <message>
        <source>&apos;!&apos; applies to a test or to parentheses: write !(a == b)</source>
        <translation>&apos;!&apos; gilt für einen Test oder für Klammern: Schreiben Sie !(a == b)</translation>
    </message>
    <message>
        <source>A literal alone is no test: compare it with something</source>
        <translation>Ein Literal allein ist kein Test: Vergleichen Sie es mit etwas</translation>
    </message>
    <message>
        <source>%1() gives a value, not true or false: compare it with something</source>
        <translation>%1() liefert einen Wert, nicht wahr oder falsch: Vergleichen Sie ihn mit etwas</translation>
    </message>
    <message>
        <source>Only a singular query (one name or index a segment, no blank space in brackets) can be compared</source>
        <translation>Nur eine singuläre Abfrage (ein Name oder Index je Segment, keine Leerzeichen in Klammern) kann verglichen werden</translation>
    </message>
    <message>
        <source>%1() gives true or false, which cannot be compared</source>
        <translation>%1() liefert wahr oder falsch, was nicht verglichen werden kann</translation>
    </message>
    <message>
        <source>a query, a literal or a function</source>
        <translation>eine Abfrage, ein Literal oder eine Funktion</translation>
    </message>
    <message>
        <source>&apos;(&apos; right after %1</source>
        <translation>&apos;(&apos; direkt nach %1</translation>
    </message>
    <message>
        <source>Unknown name &apos;%1&apos;</source>
        <translation>Unbekannter Name &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Unknown function %1()</source>
        <translation>Unbekannte Funktion %1()</translation>
    </message>
    <message>
        <source>%1() takes one argument</source>
        <translation>%1() erwartet ein Argument</translation>
    </message>
    <message>
        <source>%1() takes %2 arguments</source>
        <translation>%1() erwartet %2 Argumente</translation>
    </message>
    <message>
        <source>&apos;,&apos; or &apos;)&apos;</source>
        <translation>&apos;,&apos; oder &apos;)&apos;</translation>
    </message>
    <message>
        <source>%1() takes a query</source>
        <translation>%1() erwartet eine Abfrage</translation>
    </message>
    <message>
        <source>%1() takes a value: a literal or a singular query (one name or index a segment)</source>
        <translation>%1() erwartet einen Wert: ein Literal oder eine singuläre Abfrage (ein Name oder Index je Segment)</translation>
    </message>
    <message>
        <source>%1() takes a value, not true or false</source>
        <translation>%1() erwartet einen Wert, nicht wahr oder falsch</translation>
    </message>
</context>
<context>
    <name>Postern::JsonPathScanner</name>
    <message>
        <source>%1 at column %2</source>
        <translation>%1 in Spalte %2</translation>
    </message>
    <message>
        <source>Expected %1 but found %2</source>
        <translation>Erwartet: %1, gefunden: %2</translation>
    </message>
    <message>
        <source>the end</source>
        <translation>das Ende</translation>
    </message>
    <message>
        <source>blank space</source>
        <translation>Leerraum</translation>
    </message>
    <message>
        <source>a control character</source>
        <translation>ein Steuerzeichen</translation>
    </message>
    <message>
        <source>A string without its closing quote</source>
        <translation>Eine Zeichenkette ohne schließendes Anführungszeichen</translation>
    </message>
    <message>
        <source>A control character in a string (escape it)</source>
        <translation>Ein Steuerzeichen in einer Zeichenkette (maskieren Sie es)</translation>
    </message>
    <message>
        <source>A lone surrogate in a string</source>
        <translation>Ein einzelnes Surrogat in einer Zeichenkette</translation>
    </message>
    <message>
        <source>Invalid escape in a string</source>
        <translation>Ungültige Escape-Sequenz in einer Zeichenkette</translation>
    </message>
    <message>
        <source>\u needs four hex digits</source>
        <translation>\u benötigt vier Hexadezimalziffern</translation>
    </message>
    <message>
        <source>A lone low surrogate in a string</source>
        <translation>Ein einzelnes Low-Surrogat in einer Zeichenkette</translation>
    </message>
    <message>
        <source>A high surrogate without its low one</source>
        <translation>Ein High-Surrogat ohne zugehöriges Low-Surrogat</translation>
    </message>
    <message>
        <source>a digit</source>
        <translation>eine Ziffer</translation>
    </message>
    <message>
        <source>-0 is not an integer here</source>
        <translation>-0 ist hier keine Ganzzahl</translation>
    </message>
    <message>
        <source>An integer cannot start with 0</source>
        <translation>Eine Ganzzahl darf nicht mit 0 beginnen</translation>
    </message>
    <message>
        <source>An integer beyond ±(2^53-1)</source>
        <translation>Eine Ganzzahl außerhalb von ±(2^53-1)</translation>
    </message>
    <message>
        <source>A number cannot start with 0</source>
        <translation>Eine Zahl darf nicht mit 0 beginnen</translation>
    </message>
    <message>
        <source>a digit after &apos;.&apos;</source>
        <translation>eine Ziffer nach &apos;.&apos;</translation>
    </message>
    <message>
        <source>a digit in the exponent</source>
        <translation>eine Ziffer im Exponenten</translation>
    </message>
</context>
<context>
    <name>Postern::JsonTreeModel</name>
    <message>
        <source>{ 1 key }</source>
        <translation>{ 1 Schlüssel }</translation>
    </message>
    <message>
        <source>{ %1 keys }</source>
        <translation>{ %1 Schlüssel }</translation>
    </message>
    <message>
        <source>[ 1 item ]</source>
        <translation>[ 1 Element ]</translation>
    </message>
    <message>
        <source>[ %1 items ]</source>
        <translation>[ %1 Elemente ]</translation>
    </message>
    <message>
        <source>key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>index</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>Postern::JsonTreeView</name>
    <message>
        <source>Expand All</source>
        <translation>Alle aufklappen</translation>
    </message>
    <message>
        <source>Open every row (up to %1 rows)</source>
        <translation>Alle Zeilen öffnen (bis zu %1 Zeilen)</translation>
    </message>
    <message>
        <source>Collapse All</source>
        <translation>Alle zuklappen</translation>
    </message>
    <message>
        <source>Response body as a tree</source>
        <translation>Antwort-Body als Baum</translation>
    </message>
    <message>
        <source>Copy &amp;Value</source>
        <translation>&amp;Wert kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;Path</source>
        <translation>&amp;Pfad kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;Key</source>
        <translation>&amp;Schlüssel kopieren</translation>
    </message>
    <message>
        <source>Not expanded: the first level alone would show more than %1 rows.</source>
        <translation>Nicht aufgeklappt: Schon die erste Ebene würde mehr als %1 Zeilen anzeigen.</translation>
    </message>
    <message>
        <source>Expanded %1 of %2 levels (%3 rows); open deeper rows one by one.</source>
        <translation>%1 von %2 Ebenen aufgeklappt (%3 Zeilen); öffnen Sie tiefere Zeilen einzeln.</translation>
    </message>
    <message>
        <source>Copied the value.</source>
        <translation>Wert kopiert.</translation>
    </message>
    <message>
        <source>No path to copy: the tree shows a filter&apos;s matches, not the body.</source>
        <translation>Kein Pfad zum Kopieren: Der Baum zeigt die Treffer eines Filters, nicht den Body.</translation>
    </message>
    <message>
        <source>Copied the path.</source>
        <translation>Pfad kopiert.</translation>
    </message>
    <message>
        <source>Copied the key.</source>
        <translation>Schlüssel kopiert.</translation>
    </message>
</context>
<context>
    <name>Postern::JwksFetcher</name>
    <message>
        <source>The key set</source>
        <translation>Der Schlüsselsatz</translation>
    </message>
    <message>
        <source>The key set at %1</source>
        <translation>Der Schlüsselsatz unter %1</translation>
    </message>
    <message>
        <source>%1 is an HTML or XML page, not JSON.</source>
        <translation>%1 ist eine HTML- oder XML-Seite, kein JSON.</translation>
    </message>
    <message>
        <source>%1 is not JSON (%2 at offset %3).</source>
        <translation>%1 ist kein JSON (%2 bei Offset %3).</translation>
    </message>
    <message>
        <source>%1 is not a JWK Set: it has no “keys” array.</source>
        <translation>%1 ist kein JWK Set: Es enthält kein „keys“-Array.</translation>
    </message>
    <message>
        <source>%1: key #%2 is not a JWK (an object with a “kty”).</source>
        <translation>%1: Schlüssel #%2 ist kein JWK (ein Objekt mit „kty“).</translation>
    </message>
    <message>
        <source>Key #%1 was published with private key material, which was discarded; the server leaks its secret.</source>
        <translation>Schlüssel #%1 wurde mit privatem Schlüsselmaterial veröffentlicht, das verworfen wurde; der Server gibt sein Geheimnis preis.</translation>
    </message>
    <message>
        <source>The key set has no keys.</source>
        <translation>Der Schlüsselsatz enthält keine Schlüssel.</translation>
    </message>
    <message>
        <source>%1 key(s) from %2.</source>
        <translation>%1 Schlüssel von %2.</translation>
    </message>
    <message>
        <source>%1 key(s) from %2 (fetched earlier in this session).</source>
        <translation>%1 Schlüssel von %2 (früher in dieser Sitzung abgerufen).</translation>
    </message>
    <message>
        <source>No answer from %1 within %2 s.</source>
        <translation>Keine Antwort von %1 innerhalb von %2 s.</translation>
    </message>
    <message>
        <source>The key set at %1 is larger than %2 MiB; refused.</source>
        <translation>Der Schlüsselsatz unter %1 ist größer als %2 MiB; abgelehnt.</translation>
    </message>
    <message>
        <source>Could not fetch %1: %2</source>
        <translation>%1 konnte nicht abgerufen werden: %2</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2.</source>
        <translation>%1 hat mit HTTP %2 geantwortet.</translation>
    </message>
</context>
<context>
    <name>Postern::Jwt</name>
    <message>
        <source>white space at position %1</source>
        <translation>Leerraum an Position %1</translation>
    </message>
    <message>
        <source>the character U+%1 at position %2</source>
        <translation>das Zeichen U+%1 an Position %2</translation>
    </message>
    <message>
        <source>“%1” at position %2</source>
        <translation>„%1“ an Position %2</translation>
    </message>
    <message>
        <source>the %1 is empty</source>
        <translation>%1 ist leer</translation>
    </message>
    <message>
        <source>the %1 is not valid base64url</source>
        <translation>%1 ist kein gültiges base64url</translation>
    </message>
    <message>
        <source>the %1 is not base64url (%2)</source>
        <translation>%1 ist kein base64url (%2)</translation>
    </message>
    <message>
        <source>the %1 is JSON but not an object (it is %2)</source>
        <translation>%1 ist JSON, aber kein Objekt (es ist %2)</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>a single value</source>
        <translation>ein einzelner Wert</translation>
    </message>
    <message>
        <source>the %1 is JSON nested too deeply to read</source>
        <translation>%1 ist zu tief verschachteltes JSON, um es zu lesen</translation>
    </message>
    <message>
        <source>the %1 is not JSON (%2 at offset %3)</source>
        <translation>%1 ist kein JSON (%2 bei Offset %3)</translation>
    </message>
    <message>
        <source>The header has no “alg” string: the algorithm is unknown.</source>
        <translation>Der Header hat keinen „alg“-String: Der Algorithmus ist unbekannt.</translation>
    </message>
    <message>
        <source>The header’s “kid” is not a string.</source>
        <translation>Das „kid“ des Headers ist kein String.</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 Tagen</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>vor %1</translation>
    </message>
    <message>
        <source>not a JWT: the token is empty</source>
        <translation>kein JWT: Das Token ist leer</translation>
    </message>
    <message>
        <source>not a JWT: the token is %1 KiB long; tokens over %2 KiB are not decoded</source>
        <translation>kein JWT: Das Token ist %1 KiB lang; Token über %2 KiB werden nicht decodiert</translation>
    </message>
    <message>
        <source>not a JWT: opaque token (no “.”-separated parts); only the server that issued it can tell what it means</source>
        <translation>kein JWT: opakes Token (keine durch „.“ getrennten Teile); nur der Server, der es ausgestellt hat, weiß, was es bedeutet</translation>
    </message>
    <message>
        <source>header</source>
        <translation>der Header</translation>
    </message>
    <message>
        <source>encrypted JWT (JWE): only its header can be read; the claims need the recipient’s private key</source>
        <translation>verschlüsseltes JWT (JWE): Nur sein Header ist lesbar; für die Claims ist der private Schlüssel des Empfängers nötig</translation>
    </message>
    <message>
        <source>not a JWT: 5 parts like an encrypted JWT (JWE), but %1</source>
        <translation>kein JWT: 5 Teile wie ein verschlüsseltes JWT (JWE), aber %1</translation>
    </message>
    <message>
        <source>not a JWT: %1 parts; a signed JWT has 3 (header.payload.signature)</source>
        <translation>kein JWT: %1 Teile; ein signiertes JWT hat 3 (header.payload.signature)</translation>
    </message>
    <message>
        <source>payload</source>
        <translation>die Payload</translation>
    </message>
    <message>
        <source>not a JWT: %1</source>
        <translation>kein JWT: %1</translation>
    </message>
    <message>
        <source>not a JWT: the signature is not valid base64url</source>
        <translation>kein JWT: Die Signatur ist kein gültiges base64url</translation>
    </message>
    <message>
        <source>not a JWT: the signature is not base64url (%1)</source>
        <translation>kein JWT: Die Signatur ist kein base64url (%1)</translation>
    </message>
    <message>
        <source>alg is “none”: the token is unsigned; anyone could have written these claims.</source>
        <translation>alg ist „none“: Das Token ist nicht signiert; jeder könnte diese Claims geschrieben haben.</translation>
    </message>
    <message>
        <source>alg is “none” but a signature is attached.</source>
        <translation>alg ist „none“, aber eine Signatur ist angehängt.</translation>
    </message>
    <message>
        <source>The signature part is empty.</source>
        <translation>Der Signaturteil ist leer.</translation>
    </message>
    <message>
        <source>“%1” is not a usable NumericDate (seconds since 1970).</source>
        <translation>„%1“ ist kein verwendbares NumericDate (Sekunden seit 1970).</translation>
    </message>
</context>
<context>
    <name>Postern::JwtVerifier</name>
    <message>
        <source>key #%1</source>
        <translation>Schlüssel #%1</translation>
    </message>
    <message>
        <source>key “%1”</source>
        <translation>Schlüssel „%1“</translation>
    </message>
    <message>
        <source>its “n” or “e” is missing or not base64url</source>
        <translation>sein „n“ oder „e“ fehlt oder ist kein base64url</translation>
    </message>
    <message>
        <source>its numbers cannot be read</source>
        <translation>seine Zahlen können nicht gelesen werden</translation>
    </message>
    <message>
        <source>it has %1 bits; RSA keys for JWS need at least 2048 (RFC 7518 §3.3)</source>
        <translation>er hat %1 Bit; RSA-Schlüssel für JWS brauchen mindestens 2048 (RFC 7518 §3.3)</translation>
    </message>
    <message>
        <source>libcrypto could not take it</source>
        <translation>libcrypto konnte ihn nicht verarbeiten</translation>
    </message>
    <message>
        <source>libcrypto refused it as an RSA public key</source>
        <translation>libcrypto hat ihn als öffentlichen RSA-Schlüssel abgelehnt</translation>
    </message>
    <message>
        <source>its “x” or “y” is missing or not base64url</source>
        <translation>sein „x“ oder „y“ fehlt oder ist kein base64url</translation>
    </message>
    <message>
        <source>its coordinates are not %1 bytes each as %2 needs</source>
        <translation>seine Koordinaten sind nicht je %1 Byte lang, wie %2 es verlangt</translation>
    </message>
    <message>
        <source>its point is not on %1</source>
        <translation>sein Punkt liegt nicht auf %1</translation>
    </message>
    <message>
        <source>its point is not a valid public key on %1</source>
        <translation>sein Punkt ist kein gültiger öffentlicher Schlüssel auf %1</translation>
    </message>
    <message>
        <source>it is a typeless key, and %1 needs an RSA key</source>
        <translation>er ist ein Schlüssel ohne Typ, und %1 braucht einen RSA-Schlüssel</translation>
    </message>
    <message>
        <source>it is a “%1” key, and %2 needs an RSA key</source>
        <translation>er ist ein „%1“-Schlüssel, und %2 braucht einen RSA-Schlüssel</translation>
    </message>
    <message>
        <source>it is a typeless key, and %1 needs an EC key</source>
        <translation>er ist ein Schlüssel ohne Typ, und %1 braucht einen EC-Schlüssel</translation>
    </message>
    <message>
        <source>it is a “%1” key, and %2 needs an EC key</source>
        <translation>er ist ein „%1“-Schlüssel, und %2 braucht einen EC-Schlüssel</translation>
    </message>
    <message>
        <source>it is on curve “%1”, and %2 needs %3</source>
        <translation>er liegt auf der Kurve „%1“, und %2 braucht %3</translation>
    </message>
    <message>
        <source>it is meant for %1, not %2</source>
        <translation>er ist für %1 bestimmt, nicht für %2</translation>
    </message>
    <message>
        <source>its “use” is not “sig”</source>
        <translation>sein „use“ ist nicht „sig“</translation>
    </message>
    <message>
        <source>its “key_ops” do not include “verify”</source>
        <translation>seine „key_ops“ enthalten kein „verify“</translation>
    </message>
    <message>
        <source>Signature valid</source>
        <translation>Signatur gültig</translation>
    </message>
    <message>
        <source>Signature invalid</source>
        <translation>Signatur ungültig</translation>
    </message>
    <message>
        <source>No matching key</source>
        <translation>Kein passender Schlüssel</translation>
    </message>
    <message>
        <source>Algorithm not supported</source>
        <translation>Algorithmus nicht unterstützt</translation>
    </message>
    <message>
        <source>Not signed</source>
        <translation>Nicht signiert</translation>
    </message>
    <message>
        <source>Malformed token</source>
        <translation>Fehlerhaftes Token</translation>
    </message>
    <message>
        <source>Not a JWT.</source>
        <translation>Kein JWT.</translation>
    </message>
    <message>
        <source>The header has no “alg”: there is no algorithm to check.</source>
        <translation>Der Header hat kein „alg“: Es gibt keinen Algorithmus zu prüfen.</translation>
    </message>
    <message>
        <source>The token is unsigned (alg “none”); an unsigned token is never valid.</source>
        <translation>Das Token ist nicht signiert (alg „none“); ein nicht signiertes Token ist nie gültig.</translation>
    </message>
    <message>
        <source>%1 is an HMAC: it is checked with a shared secret, which a key set does not publish. Using a public key as that secret would accept forged tokens (algorithm confusion), so it is not done.</source>
        <translation>%1 ist ein HMAC: Er wird mit einem gemeinsamen Geheimnis geprüft, das ein Schlüsselsatz nicht veröffentlicht. Einen öffentlichen Schlüssel als dieses Geheimnis zu verwenden, würde gefälschte Token akzeptieren (Algorithmusverwechslung), daher geschieht das nicht.</translation>
    </message>
    <message>
        <source>The algorithm “%1” is not supported (supported: %2).</source>
        <translation>Der Algorithmus „%1“ wird nicht unterstützt (unterstützt: %2).</translation>
    </message>
    <message>
        <source>The header marks extensions as critical (%1), which this verifier does not understand; RFC 7515 requires rejecting it.</source>
        <translation>Der Header markiert Erweiterungen als kritisch (%1), die diese Prüfung nicht versteht; RFC 7515 verlangt, das Token dann abzulehnen.</translation>
    </message>
    <message>
        <source>The signature part is empty.</source>
        <translation>Der Signaturteil ist leer.</translation>
    </message>
    <message>
        <source>An %1 signature is %2 bytes (R and S side by side); this one has %3.</source>
        <translation>Eine %1-Signatur ist %2 Byte lang (R und S nebeneinander); diese hat %3.</translation>
    </message>
    <message>
        <source>The key set has no “keys” array.</source>
        <translation>Der Schlüsselsatz hat kein „keys“-Array.</translation>
    </message>
    <message>
        <source>The key set has no key “%1” (it has %2). The server may have rotated its keys: fetch the key set again.</source>
        <translation>Der Schlüsselsatz hat keinen Schlüssel „%1“ (er hat %2). Der Server hat seine Schlüssel eventuell gewechselt: Rufen Sie den Schlüsselsatz erneut ab.</translation>
    </message>
    <message>
        <source>The token names a key that cannot check %1: %2.</source>
        <translation>Das Token nennt einen Schlüssel, der %1 nicht prüfen kann: %2.</translation>
    </message>
    <message>
        <source>The key set has no key for %1 (%2).</source>
        <translation>Der Schlüsselsatz hat keinen Schlüssel für %1 (%2).</translation>
    </message>
    <message>
        <source>an EC key on %1</source>
        <translation>einen EC-Schlüssel auf %1</translation>
    </message>
    <message>
        <source>an RSA key</source>
        <translation>einen RSA-Schlüssel</translation>
    </message>
    <message>
        <source>The %1 signature cannot be read.</source>
        <translation>Die %1-Signatur kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The %1 signature matches %2.</source>
        <translation>Die %1-Signatur passt zu %2.</translation>
    </message>
    <message>
        <source>%1: libcrypto could not run the check</source>
        <translation>%1: libcrypto konnte die Prüfung nicht ausführen</translation>
    </message>
    <message>
        <source>No key of the set can be used: %1.</source>
        <translation>Kein Schlüssel des Satzes ist verwendbar: %1.</translation>
    </message>
    <message>
        <source>any of %1 keys</source>
        <translation>irgendeinem der %1 Schlüssel</translation>
    </message>
    <message>
        <source>The %1 signature does not match %2: the token was altered or signed with another key.</source>
        <translation>Die %1-Signatur passt nicht zu %2: Das Token wurde verändert oder mit einem anderen Schlüssel signiert.</translation>
    </message>
    <message>
        <source>Not usable: %1.</source>
        <translation>Nicht verwendbar: %1.</translation>
    </message>
    <message>
        <source>Signatures cannot be checked here: %1.</source>
        <translation>Signaturen können hier nicht geprüft werden: %1.</translation>
    </message>
</context>
<context>
    <name>Postern::JwtView</name>
    <message>
        <source>Access token</source>
        <translation>Zugriffstoken</translation>
    </message>
    <message>
        <source>ID token</source>
        <translation>ID-Token</translation>
    </message>
    <message>
        <source>Deco&amp;de:</source>
        <translation>Deko&amp;dieren:</translation>
    </message>
    <message>
        <source>Token to decode</source>
        <translation>Zu dekodierendes Token</translation>
    </message>
    <message>
        <source>Signature:</source>
        <translation>Signatur:</translation>
    </message>
    <message>
        <source>Decoded token</source>
        <translation>Dekodiertes Token</translation>
    </message>
    <message>
        <source>Not a JWT.</source>
        <translation>Kein JWT.</translation>
    </message>
    <message>
        <source>— (not a JWT)</source>
        <translation>— (kein JWT)</translation>
    </message>
    <message>
        <source>Header:
%1</source>
        <translation>Header:
%1</translation>
    </message>
    <message>
        <source>Header:
%1

Payload:
%2</source>
        <translation>Header:
%1

Payload:
%2</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>Not signed (alg: none): anyone could have written it.</source>
        <translation>Nicht signiert (alg: none): Jeder könnte es geschrieben haben.</translation>
    </message>
    <message>
        <source>Unknown: the issuer&apos;s keys are not known (use Discover in Get New Access Token).</source>
        <translation>Unbekannt: Die Schlüssel des Ausstellers sind nicht bekannt (verwenden Sie „Ermitteln“ unter „Neues Zugriffstoken anfordern“).</translation>
    </message>
    <message>
        <source>Checking against %1…</source>
        <translation>Wird mit %1 geprüft…</translation>
    </message>
    <message>
        <source>Unknown: the keys could not be fetched (%1).</source>
        <translation>Unbekannt: Die Schlüssel konnten nicht abgerufen werden (%1).</translation>
    </message>
    <message>
        <source>Valid (%1).</source>
        <translation>Gültig (%1).</translation>
    </message>
    <message>
        <source>Valid (%1, key %2).</source>
        <translation>Gültig (%1, Schlüssel %2).</translation>
    </message>
</context>
<context>
    <name>Postern::KeyValueEditor</name>
    <message>
        <source>Key and value rows. Type in the last row to add one; Delete removes the current row; Space toggles whether a row is sent.</source>
        <translation>Zeilen mit Schlüssel und Wert. Tippen Sie in die letzte Zeile, um eine hinzuzufügen; Entf entfernt die aktuelle Zeile; die Leertaste legt fest, ob eine Zeile gesendet wird.</translation>
    </message>
    <message>
        <source>&amp;Show Authorization Value</source>
        <translation>Autorisierungswert &amp;anzeigen</translation>
    </message>
    <message>
        <source>Delete Row</source>
        <translation>Zeile löschen</translation>
    </message>
</context>
<context>
    <name>Postern::KeyValueModel</name>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Type here to add a row</source>
        <translation>Zum Hinzufügen einer Zeile hier eingeben</translation>
    </message>
    <message>
        <source>Automatic, from %1</source>
        <translation>Automatisch (Quelle: %1)</translation>
    </message>
    <message>
        <source>Added automatically from %1. Change it there. The credential is hidden: “Show authorization value” shows it.</source>
        <translation>Automatisch hinzugefügt (Quelle: %1). Ändern Sie den Wert dort. Die Anmeldedaten sind ausgeblendet: „Autorisierungswert anzeigen“ zeigt sie an.</translation>
    </message>
    <message>
        <source>Added automatically from %1. Change it there.</source>
        <translation>Automatisch hinzugefügt (Quelle: %1). Ändern Sie den Wert dort.</translation>
    </message>
</context>
<context>
    <name>Postern::KeychainSecretStore</name>
    <message>
        <source>the system keychain</source>
        <translation>dem System-Schlüsselbund</translation>
    </message>
</context>
<context>
    <name>Postern::LibCrypto</name>
    <message>
        <source>OpenSSL&apos;s libcrypto %1 cannot be loaded (%2); install libssl3</source>
        <translation>OpenSSLs libcrypto %1 kann nicht geladen werden (%2); installieren Sie libssl3</translation>
    </message>
    <message>
        <source>%1 lacks %2: it is older than OpenSSL %3.0</source>
        <translation>%1 fehlt %2: sie ist älter als OpenSSL %3.0</translation>
    </message>
</context>
<context>
    <name>Postern::LineView</name>
    <message>
        <source>&amp;Copy Lines</source>
        <translation>Zeilen &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Copy Line</source>
        <translation>Zeile &amp;kopieren</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Alles auswählen</translation>
    </message>
    <message>
        <source>Copied the selected lines.</source>
        <translation>Die ausgewählten Zeilen wurden kopiert.</translation>
    </message>
    <message>
        <source>Copied the line.</source>
        <translation>Die Zeile wurde kopiert.</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>Lines %1 to %2 of %3</source>
        <translation>Zeilen %1 bis %2 von %3</translation>
    </message>
</context>
<context>
    <name>Postern::LoginWindow</name>
    <message>
        <source>Sign in to authorize Postern</source>
        <translation>Anmelden, um Postern zu autorisieren</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>Anmeldung abbrechen</translation>
    </message>
    <message>
        <source>Page loading</source>
        <translation>Seite wird geladen</translation>
    </message>
    <message>
        <source>Sign-in page</source>
        <translation>Anmeldeseite</translation>
    </message>
    <message>
        <source>The connection is encrypted (https).</source>
        <translation>Die Verbindung ist verschlüsselt (https).</translation>
    </message>
    <message>
        <source>http (this computer)</source>
        <translation>http (dieser Computer)</translation>
    </message>
    <message>
        <source>Plain http to a server on this computer.</source>
        <translation>Unverschlüsseltes http zu einem Server auf diesem Computer.</translation>
    </message>
    <message>
        <source>Not secure</source>
        <translation>Nicht sicher</translation>
    </message>
    <message>
        <source>Plain http: what you type here can be read on the network.</source>
        <translation>Unverschlüsseltes http: Was Sie hier eingeben, kann im Netzwerk mitgelesen werden.</translation>
    </message>
    <message>
        <source>Not loaded</source>
        <translation>Nicht geladen</translation>
    </message>
    <message>
        <source>The page could not be loaded: there is no connection to this server.</source>
        <translation>Die Seite konnte nicht geladen werden: Es besteht keine Verbindung zu diesem Server.</translation>
    </message>
    <message>
        <source>The page could not be loaded (%1): there is no connection to this server.</source>
        <translation>Die Seite konnte nicht geladen werden (%1): Es besteht keine Verbindung zu diesem Server.</translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation>Verbindung: %1</translation>
    </message>
</context>
<context>
    <name>Postern::LoginWindows</name>
    <message>
        <source>%1 did not load: %2</source>
        <translation>%1 wurde nicht geladen: %2</translation>
    </message>
    <message>
        <source>%1 was not found (looked for %2)</source>
        <translation>%1 wurde nicht gefunden (gesucht wurde %2)</translation>
    </message>
    <message>
        <source>The login window is not available: %1. Tick “Authorize using system browser” to sign in with your browser instead.</source>
        <translation>Das Anmeldefenster ist nicht verfügbar: %1. Aktivieren Sie „Über den Systembrowser autorisieren“, um sich stattdessen mit Ihrem Browser anzumelden.</translation>
    </message>
    <message>
        <source>The HTML preview is not available: %1.</source>
        <translation>Die HTML-Vorschau ist nicht verfügbar: %1.</translation>
    </message>
</context>
<context>
    <name>Postern::LoopbackReceiver</name>
    <message>
        <source>The receiver is already listening on 127.0.0.1:%1.</source>
        <translation>Der Empfänger lauscht bereits auf 127.0.0.1:%1.</translation>
    </message>
    <message>
        <source>The callback path must start with &quot;/&quot; and hold no &quot;?&quot; or &quot;#&quot;.</source>
        <translation>Der Callback-Pfad muss mit &quot;/&quot; beginnen und darf kein &quot;?&quot; oder &quot;#&quot; enthalten.</translation>
    </message>
    <message>
        <source>Port %1 on 127.0.0.1 is in use by another program; choose another or use 0.</source>
        <translation>Port %1 auf 127.0.0.1 wird von einem anderen Programm verwendet; wählen Sie einen anderen oder verwenden Sie 0.</translation>
    </message>
    <message>
        <source>Port %1 on 127.0.0.1 may not be used by Postern (ports below 1024 need privileges); choose another or use 0.</source>
        <translation>Port %1 auf 127.0.0.1 darf von Postern nicht verwendet werden (Ports unter 1024 erfordern Berechtigungen); wählen Sie einen anderen oder verwenden Sie 0.</translation>
    </message>
    <message>
        <source>Could not listen on 127.0.0.1:%1: %2</source>
        <translation>Lauschen auf 127.0.0.1:%1 nicht möglich: %2</translation>
    </message>
</context>
<context>
    <name>Postern::Main</name>
    <message>
        <source>Instance: %1</source>
        <translation>Instanz: %1</translation>
    </message>
    <message>
        <source>The sandbox instance is not running: %1</source>
        <translation>Die Sandbox-Instanz läuft nicht: %1</translation>
    </message>
    <message>
        <source>Starting the sandbox instance…</source>
        <translation>Sandbox-Instanz wird gestartet…</translation>
    </message>
    <message>
        <source>Open a request to this instance (e.g. https://dev12345.service-now.com).</source>
        <translation>Eine Anfrage an diese Instanz öffnen (z. B. https://dev12345.service-now.com).</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>Do not start the built-in sandbox instance.</source>
        <translation>Die eingebaute Sandbox-Instanz nicht starten.</translation>
    </message>
    <message>
        <source>Use this folder as the workspace (default: %1).</source>
        <translation>Diesen Ordner als Arbeitsbereich verwenden (Standard: %1).</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>ordner</translation>
    </message>
    <message>
        <source>A native API client for OAuth-protected APIs.</source>
        <translation>Ein nativer API-Client für OAuth-geschützte APIs.</translation>
    </message>
    <message>
        <source>A Postman collection or environment, a Postern file or a curl command to import; a Postern workspace.json opens its workspace.</source>
        <translation>Eine zu importierende Postman-Sammlung oder -Umgebung, eine Postern-Datei oder ein curl-Befehl; eine workspace.json von Postern öffnet ihren Arbeitsbereich.</translation>
    </message>
    <message>
        <source>[file...]</source>
        <translation>[datei...]</translation>
    </message>
</context>
<context>
    <name>Postern::MainWindow</name>
    <message>
        <source>Instance</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <source>Imported the curl command.</source>
        <translation>curl-Befehl importiert.</translation>
    </message>
    <message>
        <source>Imported the curl command. %1</source>
        <translation>curl-Befehl importiert. %1</translation>
    </message>
    <message>
        <source>Not imported: %1</source>
        <translation>Nicht importiert: %1</translation>
    </message>
    <message>
        <source>No Environment</source>
        <translation>Keine Umgebung</translation>
    </message>
    <message>
        <source>Some Files Could Not Be Read</source>
        <translation>Einige Dateien konnten nicht gelesen werden</translation>
    </message>
    <message>
        <source>New Collection</source>
        <translation>Neue Sammlung</translation>
    </message>
    <message>
        <source>Environments need a workspace.</source>
        <translation>Umgebungen erfordern einen Arbeitsbereich.</translation>
    </message>
    <message>
        <source>Not copied: %1</source>
        <translation>Nicht kopiert: %1</translation>
    </message>
    <message>
        <source>Copied as cURL, with credentials.</source>
        <translation>Als cURL kopiert, mit Anmeldedaten.</translation>
    </message>
    <message>
        <source>Copied as cURL; credentials are masked as ****.</source>
        <translation>Als cURL kopiert; Anmeldedaten sind als **** maskiert.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New Request Tab</source>
        <translation>&amp;Neuer Anfrage-Tab</translation>
    </message>
    <message>
        <source>New &amp;Collection</source>
        <translation>Neue Samm&amp;lung</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>&amp;Close Tab</source>
        <translation>&amp;Tab schließen</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>&amp;Export Collection to Postman…</source>
        <translation>Sammlung nach Postman &amp;exportieren…</translation>
    </message>
    <message>
        <source>Select a collection in the sidebar to export it.</source>
        <translation>Wählen Sie in der Seitenleiste eine Sammlung aus, um sie zu exportieren.</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Request</source>
        <translation>&amp;Anfrage</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>Abb&amp;rechen</translation>
    </message>
    <message>
        <source>Focus &amp;URL</source>
        <translation>&amp;URL fokussieren</translation>
    </message>
    <message>
        <source>Copy as c&amp;URL</source>
        <translation>Als &amp;cURL kopieren</translation>
    </message>
    <message>
        <source>Copy as cURL with &amp;Secrets</source>
        <translation>Als cURL mit &amp;Geheimnissen kopieren</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>Manage &amp;Environments…</source>
        <translation>&amp;Umgebungen verwalten…</translation>
    </message>
    <message>
        <source>&amp;Cookies…</source>
        <translation>&amp;Cookies…</translation>
    </message>
    <message>
        <source>&amp;History Size…</source>
        <translation>&amp;Verlaufsgröße…</translation>
    </message>
    <message>
        <source>History Size</source>
        <translation>Verlaufsgröße</translation>
    </message>
    <message>
        <source>Requests kept in the history:</source>
        <translation>Im Verlauf behaltene Anfragen:</translation>
    </message>
    <message>
        <source>&amp;Working Directory…</source>
        <translation>&amp;Arbeitsverzeichnis…</translation>
    </message>
    <message>
        <source>Response &amp;Body Limit…</source>
        <translation>&amp;Body-Limit für Antworten…</translation>
    </message>
    <message>
        <source>Response Body Limit</source>
        <translation>Body-Limit für Antworten</translation>
    </message>
    <message>
        <source>Largest body shown, in MB (a larger one is kept in a temporary file, to be saved):</source>
        <translation>Größter angezeigter Body in MB (ein größerer wird in einer temporären Datei zum Speichern abgelegt):</translation>
    </message>
    <message>
        <source>Script &amp;Time Limit…</source>
        <translation>&amp;Skript-Zeitlimit…</translation>
    </message>
    <message>
        <source>Script Time Limit</source>
        <translation>Skript-Zeitlimit</translation>
    </message>
    <message>
        <source>Seconds a script may run before it is stopped:</source>
        <translation>Sekunden, die ein Skript laufen darf, bevor es angehalten wird:</translation>
    </message>
    <message>
        <source>Client &amp;Certificates…</source>
        <translation>Client-&amp;Zertifikate…</translation>
    </message>
    <message>
        <source>Client certificates saved.</source>
        <translation>Client-Zertifikate gespeichert.</translation>
    </message>
    <message>
        <source>Keep Tokens in an &amp;Encrypted File…</source>
        <translation>&amp;Token in einer verschlüsselten Datei aufbewahren…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Postern</source>
        <translation>&amp;Über Postern</translation>
    </message>
    <message>
        <source>About Postern</source>
        <translation>Über Postern</translation>
    </message>
    <message>
        <source>Postern %1
A native API client for OAuth-protected APIs.</source>
        <translation>Postern %1
Ein nativer API-Client für OAuth-geschützte APIs.</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>En&amp;vironment:</source>
        <translation>&amp;Umgebung:</translation>
    </message>
    <message>
        <source>Manage…</source>
        <translation>Verwalten…</translation>
    </message>
    <message>
        <source>Manage environments and global variables</source>
        <translation>Umgebungen und globale Variablen verwalten</translation>
    </message>
    <message>
        <source>Manage environments</source>
        <translation>Umgebungen verwalten</translation>
    </message>
</context>
<context>
    <name>Postern::MemorySecretStore</name>
    <message>
        <source>this session&apos;s memory</source>
        <translation>dem Arbeitsspeicher dieser Sitzung</translation>
    </message>
    <message>
        <source>No secret is stored under %1.</source>
        <translation>Unter %1 ist kein Geheimnis gespeichert.</translation>
    </message>
</context>
<context>
    <name>Postern::OAuth2Config</name>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 ist leer.</translation>
    </message>
    <message>
        <source>%1 is not an absolute URL (e.g. https://INSTANCE.service-now.com/…).</source>
        <translation>%1 ist keine absolute URL (z. B. https://INSTANCE.service-now.com/…).</translation>
    </message>
    <message>
        <source>%1 must use http or https.</source>
        <translation>%1 muss http oder https verwenden.</translation>
    </message>
    <message>
        <source>%1 must not contain a fragment (#…).</source>
        <translation>%1 darf kein Fragment (#…) enthalten.</translation>
    </message>
    <message>
        <source>Authorization Code</source>
        <translation>Autorisierungscode</translation>
    </message>
    <message>
        <source>Authorization Code (With PKCE)</source>
        <translation>Autorisierungscode (mit PKCE)</translation>
    </message>
    <message>
        <source>Implicit (discouraged)</source>
        <translation>Implicit (nicht empfohlen)</translation>
    </message>
    <message>
        <source>Password Credentials</source>
        <translation>Passwort-Anmeldedaten</translation>
    </message>
    <message>
        <source>Client Credentials</source>
        <translation>Client-Anmeldedaten</translation>
    </message>
    <message>
        <source>Device Authorization</source>
        <translation>Geräteautorisierung</translation>
    </message>
    <message>
        <source>JWT Bearer</source>
        <translation>JWT Bearer</translation>
    </message>
    <message>
        <source>Send client credentials in body</source>
        <translation>Client-Anmeldedaten im Body senden</translation>
    </message>
    <message>
        <source>Send as Basic Auth header</source>
        <translation>Als Basic-Auth-Header senden</translation>
    </message>
    <message>
        <source>Signed JWT with the client secret (client_secret_jwt)</source>
        <translation>Mit dem Client-Geheimnis signiertes JWT (client_secret_jwt)</translation>
    </message>
    <message>
        <source>Signed JWT with a private key (private_key_jwt)</source>
        <translation>Mit einem privaten Schlüssel signiertes JWT (private_key_jwt)</translation>
    </message>
    <message>
        <source>Token Name is empty.</source>
        <translation>Der Token-Name ist leer.</translation>
    </message>
    <message>
        <source>Callback URL</source>
        <translation>Callback-URL</translation>
    </message>
    <message>
        <source>Auth URL</source>
        <translation>Autorisierungs-URL</translation>
    </message>
    <message>
        <source>Device Authorization URL</source>
        <translation>Geräteautorisierungs-URL</translation>
    </message>
    <message>
        <source>PAR Endpoint URL</source>
        <translation>PAR-Endpunkt-URL</translation>
    </message>
    <message>
        <source>Access Token URL</source>
        <translation>Zugriffstoken-URL</translation>
    </message>
    <message>
        <source>Refresh Token URL</source>
        <translation>Aktualisierungstoken-URL</translation>
    </message>
    <message>
        <source>Revoke Token URL</source>
        <translation>Token-Widerrufs-URL</translation>
    </message>
    <message>
        <source>Client ID is empty.</source>
        <translation>Die Client-ID ist leer.</translation>
    </message>
    <message>
        <source>Private Key File is empty: the JWT bearer grant signs its assertion with a key.</source>
        <translation>Keine Datei mit privatem Schlüssel angegeben: Der Grant „JWT Bearer“ signiert seine Assertion mit einem Schlüssel.</translation>
    </message>
    <message>
        <source>Private Key File is empty: private_key_jwt signs with a key.</source>
        <translation>Keine Datei mit privatem Schlüssel angegeben: private_key_jwt signiert mit einem Schlüssel.</translation>
    </message>
    <message>
        <source>Assertion Claims must be a JSON object, such as {&quot;scope&quot;: &quot;read&quot;}.</source>
        <translation>Die Assertion-Claims müssen ein JSON-Objekt sein, etwa {&quot;scope&quot;: &quot;read&quot;}.</translation>
    </message>
    <message>
        <source>Client Secret is empty: client_secret_jwt signs with it.</source>
        <translation>Das Client-Geheimnis ist leer: client_secret_jwt signiert damit.</translation>
    </message>
    <message>
        <source>Assertion Audience</source>
        <translation>Assertion-Audience</translation>
    </message>
    <message>
        <source>Signing Algorithm must be RS256, PS256 or ES256.</source>
        <translation>Der Signaturalgorithmus muss RS256, PS256 oder ES256 sein.</translation>
    </message>
    <message>
        <source>Extra parameter: %1</source>
        <translation>Zusätzlicher Parameter: %1</translation>
    </message>
    <message>
        <source>Extra parameter “%1”: %2</source>
        <translation>Zusätzlicher Parameter „%1“: %2</translation>
    </message>
    <message>
        <source>State may only hold printable ASCII characters (RFC 6749 §A.5).</source>
        <translation>State darf nur druckbare ASCII-Zeichen enthalten (RFC 6749 §A.5).</translation>
    </message>
    <message>
        <source>Code Verifier must be 43 to 128 characters long (RFC 7636 §4.1); it has %1.</source>
        <translation>Der Code Verifier muss 43 bis 128 Zeichen lang sein (RFC 7636 §4.1); er hat %1.</translation>
    </message>
    <message>
        <source>Code Verifier may only hold letters, digits and - . _ ~ (RFC 7636 §4.1).</source>
        <translation>Der Code Verifier darf nur Buchstaben, Ziffern und - . _ ~ enthalten (RFC 7636 §4.1).</translation>
    </message>
</context>
<context>
    <name>Postern::OAuth2Pane</name>
    <message>
        <source>Current &amp;Token:</source>
        <translation>Aktuelles &amp;Token:</translation>
    </message>
    <message>
        <source>Current token</source>
        <translation>Aktuelles Token</translation>
    </message>
    <message>
        <source>Request Headers</source>
        <translation>Anfrage-Header</translation>
    </message>
    <message>
        <source>Request URL</source>
        <translation>Anfrage-URL</translation>
    </message>
    <message>
        <source>A&amp;dd authorization data to:</source>
        <translation>Autorisierungs&amp;daten hinzufügen zu:</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Zugriffstoken</translation>
    </message>
    <message>
        <source>ID token</source>
        <translation>ID-Token</translation>
    </message>
    <message>
        <source>&amp;Use Token Type:</source>
        <translation>Zu &amp;verwendender Token-Typ:</translation>
    </message>
    <message>
        <source>Use token type</source>
        <translation>Zu verwendender Token-Typ</translation>
    </message>
    <message>
        <source>Auto-&amp;refresh token</source>
        <translation>Token automatisch a&amp;ktualisieren</translation>
    </message>
    <message>
        <source>Auto-refresh token</source>
        <translation>Token automatisch aktualisieren</translation>
    </message>
    <message>
        <source>Before sending, refresh a token that has expired or expires within a minute, when it has a refresh token.</source>
        <translation>Vor dem Senden ein Token aktualisieren, das abgelaufen ist oder innerhalb einer Minute abläuft, sofern es ein Aktualisierungstoken hat.</translation>
    </message>
    <message>
        <source>Header &amp;Prefix:</source>
        <translation>Header-&amp;Präfix:</translation>
    </message>
    <message>
        <source>Header prefix</source>
        <translation>Header-Präfix</translation>
    </message>
    <message>
        <source>&amp;Get New Access Token</source>
        <translation>&amp;Neues Zugriffstoken anfordern</translation>
    </message>
    <message>
        <source>Get New Access Token</source>
        <translation>Neues Zugriffstoken anfordern</translation>
    </message>
    <message>
        <source>&amp;Manage Tokens…</source>
        <translation>Token ver&amp;walten…</translation>
    </message>
    <message>
        <source>Manage Tokens</source>
        <translation>Token verwalten</translation>
    </message>
    <message>
        <source>No token</source>
        <translation>Kein Token</translation>
    </message>
    <message>
        <source>(unnamed token)</source>
        <translation>(unbenanntes Token)</translation>
    </message>
    <message>
        <source>%1 — %2 (revoked)</source>
        <translation>%1 — %2 (widerrufen)</translation>
    </message>
    <message>
        <source>From an unknown instance</source>
        <translation>Von einer unbekannten Instanz</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>Von %1</translation>
    </message>
    <message>
        <source>%1, from an unknown instance</source>
        <translation>%1, von einer unbekannten Instanz</translation>
    </message>
    <message>
        <source>%1, from %2</source>
        <translation>%1, von %2</translation>
    </message>
    <message>
        <source>Not available</source>
        <translation>Nicht verfügbar</translation>
    </message>
</context>
<context>
    <name>Postern::OAuth2ReplyHandler</name>
    <message>
        <source>Check the Client ID, the Client Secret and the Client Authentication setting.</source>
        <translation>Prüfen Sie die Client-ID, das Client-Geheimnis und die Einstellung „Client-Authentifizierung“.</translation>
    </message>
    <message>
        <source>The authorization code was refused (expired, already used, or issued for another Callback URL).</source>
        <translation>Der Autorisierungscode wurde abgelehnt (abgelaufen, bereits verwendet oder für eine andere Callback-URL ausgestellt).</translation>
    </message>
    <message>
        <source>The token endpoint answered %1 (HTTP %2)%3.</source>
        <translation>Der Token-Endpunkt antwortete mit %1 (HTTP %2)%3.</translation>
    </message>
    <message>
        <source>The token endpoint answered HTTP %1 without an OAuth error.</source>
        <translation>Der Token-Endpunkt antwortete mit HTTP %1 ohne OAuth-Fehler.</translation>
    </message>
    <message>
        <source>The token endpoint answered HTTP %1 without an OAuth error. It said: %2</source>
        <translation>Der Token-Endpunkt antwortete mit HTTP %1 ohne OAuth-Fehler. Antwort: %2</translation>
    </message>
    <message>
        <source>no Content-Type</source>
        <translation>kein Content-Type</translation>
    </message>
    <message>
        <source>The token endpoint answered with an HTML page (%1) instead of JSON. Check the Access Token URL.</source>
        <translation>Der Token-Endpunkt antwortete mit einer HTML-Seite (%1) statt mit JSON. Prüfen Sie die Zugriffstoken-URL.</translation>
    </message>
    <message>
        <source>The token endpoint&apos;s answer is not a JSON object (%1, %2).</source>
        <translation>Die Antwort des Token-Endpunkts ist kein JSON-Objekt (%1, %2).</translation>
    </message>
    <message>
        <source>The token endpoint&apos;s answer is not a JSON object (%1).</source>
        <translation>Die Antwort des Token-Endpunkts ist kein JSON-Objekt (%1).</translation>
    </message>
    <message>
        <source>The token endpoint&apos;s answer has no access_token.</source>
        <translation>Die Antwort des Token-Endpunkts enthält kein access_token.</translation>
    </message>
    <message>
        <source>The token endpoint&apos;s answer has no token_type (RFC 6749 §5.1 requires one).</source>
        <translation>Die Antwort des Token-Endpunkts enthält kein token_type (RFC 6749 §5.1 verlangt eines).</translation>
    </message>
    <message>
        <source>The token endpoint issued a token of type “%1”; Postern sends Bearer tokens (RFC 6750) and, when DPoP is on, DPoP tokens (RFC 9449), so it was not stored.</source>
        <translation>Der Token-Endpunkt hat ein Token vom Typ „%1“ ausgestellt; Postern sendet Bearer-Token (RFC 6750) und, wenn DPoP aktiviert ist, DPoP-Token (RFC 9449). Daher wurde es nicht gespeichert.</translation>
    </message>
    <message>
        <source>Could not reach the token endpoint %1: %2</source>
        <translation>Der Token-Endpunkt %1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>The token endpoint&apos;s answer</source>
        <extracomment>The words that begin this context&apos;s sentences &quot;The token endpoint&apos;s answer has no …&quot;.</extracomment>
        <translation>Die Antwort des Token-Endpunkts</translation>
    </message>
</context>
<context>
    <name>Postern::OAuth2Session</name>
    <message>
        <source>The token endpoint did not answer within %1 s. No token was stored.</source>
        <translation>Der Token-Endpunkt hat nicht innerhalb von %1 s geantwortet. Es wurde kein Token gespeichert.</translation>
    </message>
    <message>
        <source>The authorization failed: %1 %2</source>
        <translation>Die Autorisierung ist fehlgeschlagen: %1 %2</translation>
    </message>
    <message>
        <source>The PAR endpoint&apos;s answer has no usable request_uri (RFC 9126 §2.2).</source>
        <translation>Die Antwort des PAR-Endpunkts enthält keine verwendbare request_uri (RFC 9126 §2.2).</translation>
    </message>
    <message>
        <source>The redirect</source>
        <translation>Die Weiterleitung</translation>
    </message>
    <message>
        <source>The authorization server promised to name itself (iss, RFC 9207) but the redirect does not. Nothing was sent or stored.</source>
        <translation>Der Autorisierungsserver hat zugesagt, sich selbst zu nennen (iss, RFC 9207), aber die Weiterleitung tut es nicht. Es wurde nichts gesendet oder gespeichert.</translation>
    </message>
    <message>
        <source>The redirect names the issuer “%1”, not “%2”: it may come from another server (mix-up attack, RFC 9207). Nothing was sent or stored.</source>
        <translation>Die Weiterleitung nennt den Aussteller „%1“, nicht „%2“: Sie stammt möglicherweise von einem anderen Server (Mix-up-Angriff, RFC 9207). Es wurde nichts gesendet oder gespeichert.</translation>
    </message>
    <message>
        <source>An error answer (%1) reached the Callback URL without this request&apos;s state, so it was not taken as the server&apos;s. No token was requested.</source>
        <translation>Eine Fehlerantwort (%1) hat die Callback-URL ohne den State dieser Anfrage erreicht und wurde daher nicht als Antwort des Servers gewertet. Es wurde kein Token angefordert.</translation>
    </message>
    <message>
        <source>The redirect carries no state, so it cannot be tied to this request. Nothing was sent or stored.</source>
        <translation>Die Weiterleitung enthält keinen State und kann daher nicht dieser Anfrage zugeordnet werden. Es wurde nichts gesendet oder gespeichert.</translation>
    </message>
    <message>
        <source>The redirect carries more than one state. Nothing was sent or stored.</source>
        <translation>Die Weiterleitung enthält mehr als einen State. Es wurde nichts gesendet oder gespeichert.</translation>
    </message>
    <message>
        <source>The state in the redirect does not match the one Postern sent: the answer is not for this request. Nothing was sent or stored.</source>
        <translation>Der State in der Weiterleitung stimmt nicht mit dem überein, den Postern gesendet hat: Die Antwort gehört nicht zu dieser Anfrage. Es wurde nichts gesendet oder gespeichert.</translation>
    </message>
    <message>
        <source>Access was denied at the authorization server%1. No token was requested.</source>
        <translation>Der Zugriff wurde vom Autorisierungsserver verweigert%1. Es wurde kein Token angefordert.</translation>
    </message>
    <message>
        <source>The authorization server answered %1%2. No token was requested.</source>
        <translation>Der Autorisierungsserver hat mit %1%2 geantwortet. Es wurde kein Token angefordert.</translation>
    </message>
    <message>
        <source>The redirect carries no authorization code. Nothing was stored.</source>
        <translation>Die Weiterleitung enthält keinen Autorisierungscode. Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>The authorization was canceled before it finished. No token was stored.</source>
        <translation>Die Autorisierung wurde abgebrochen, bevor sie abgeschlossen war. Es wurde kein Token gespeichert.</translation>
    </message>
    <message>
        <source>It may be replayed from another sign-in (OpenID Connect Core §3.1.3.7). No token was stored.</source>
        <translation>Es könnte aus einer anderen Anmeldung wiedereingespielt worden sein (OpenID Connect Core §3.1.3.7). Es wurde kein Token gespeichert.</translation>
    </message>
    <message>
        <source>The ID token is not a JWT, so its nonce cannot be checked.</source>
        <translation>Das ID-Token ist kein JWT, daher kann seine Nonce nicht geprüft werden.</translation>
    </message>
    <message>
        <source>The ID token has no nonce although this sign-in sent one.</source>
        <translation>Das ID-Token enthält keine Nonce, obwohl diese Anmeldung eine gesendet hat.</translation>
    </message>
    <message>
        <source>The ID token&apos;s nonce is not the one this sign-in sent.</source>
        <translation>Die Nonce des ID-Tokens ist nicht die, die diese Anmeldung gesendet hat.</translation>
    </message>
</context>
<context>
    <name>Postern::OAuth2Token</name>
    <message>
        <source>The token endpoint&apos;s answer has no access_token.</source>
        <translation>Die Antwort des Token-Endpunkts enthält kein access_token.</translation>
    </message>
    <message>
        <source>This request uses OAuth 2.0 but has no token, so it was not sent (it would have gone out without an Authorization header). Get a new access token, or choose one in Current Token.</source>
        <translation>Diese Anfrage verwendet OAuth 2.0, hat aber kein Token und wurde daher nicht gesendet (sie wäre ohne Authorization-Header hinausgegangen). Fordern Sie ein neues Zugriffstoken an, oder wählen Sie eines unter „Aktuelles Token“ aus.</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(unbenannt)</translation>
    </message>
    <message>
        <source>The token “%1” was revoked, so the request was not sent: Postern does not use a revoked token. Get a new access token.</source>
        <translation>Das Token „%1“ wurde widerrufen, daher wurde die Anfrage nicht gesendet: Postern verwendet kein widerrufenes Token. Fordern Sie ein neues Zugriffstoken an.</translation>
    </message>
    <message>
        <source>The token “%1” expired at %2 and has no refresh token, so the request was not sent. Get a new access token.</source>
        <translation>Das Token „%1“ ist am %2 abgelaufen und hat kein Aktualisierungstoken, daher wurde die Anfrage nicht gesendet. Fordern Sie ein neues Zugriffstoken an.</translation>
    </message>
    <message>
        <source>The token “%1” belongs to %2, but this request&apos;s OAuth 2.0 settings point to %3, so the request was not sent. Get a new access token for %3.</source>
        <translation>Das Token „%1“ gehört zu %2, aber die OAuth-2.0-Einstellungen dieser Anfrage verweisen auf %3, daher wurde die Anfrage nicht gesendet. Fordern Sie ein neues Zugriffstoken für %3 an.</translation>
    </message>
</context>
<context>
    <name>Postern::PostmanAuth</name>
    <message>
        <source>the OAuth 2.0 grant type “%1” is unknown; Authorization Code is used</source>
        <translation>der OAuth-2.0-Grant-Typ „%1“ ist unbekannt; Autorisierungscode wird verwendet</translation>
    </message>
    <message>
        <source>the OAuth 2.0 password is not imported; Postern asks for it when it gets a token</source>
        <translation>das OAuth-2.0-Passwort wird nicht importiert; Postern fragt danach, wenn es ein Token anfordert</translation>
    </message>
    <message>
        <source>some OAuth 2.0 settings have the wrong type and were left empty</source>
        <translation>einige OAuth-2.0-Einstellungen haben den falschen Typ und wurden leer gelassen</translation>
    </message>
    <message>
        <source>API Key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>AWS Signature</source>
        <translation>AWS-Signatur</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Digest</translation>
    </message>
    <message>
        <source>Akamai EdgeGrid</source>
        <translation>Akamai EdgeGrid</translation>
    </message>
    <message>
        <source>Hawk</source>
        <translation>Hawk</translation>
    </message>
    <message>
        <source>NTLM</source>
        <translation>NTLM</translation>
    </message>
    <message>
        <source>OAuth 1.0</source>
        <translation>OAuth 1.0</translation>
    </message>
    <message>
        <source>JWT Bearer</source>
        <translation>JWT Bearer</translation>
    </message>
    <message>
        <source>ASAP (Atlassian)</source>
        <translation>ASAP (Atlassian)</translation>
    </message>
    <message>
        <source>“auth” is %1, not an object; it was ignored</source>
        <translation>„auth“ ist %1, kein Objekt; es wurde ignoriert</translation>
    </message>
    <message>
        <source>%1 auth is not supported; kept for export but not sent</source>
        <translation>die Authentifizierung %1 wird nicht unterstützt; sie wird für den Export aufbewahrt, aber nicht gesendet</translation>
    </message>
    <message>
        <source>%1 auth is not supported; kept for export but not sent (its secret values are left out: %2)</source>
        <translation>die Authentifizierung %1 wird nicht unterstützt; sie wird für den Export aufbewahrt, aber nicht gesendet (ihre geheimen Werte werden ausgelassen: %2)</translation>
    </message>
    <message>
        <source>some %1 settings are not in a form Postern knows and were skipped</source>
        <translation>einige Einstellungen für %1 liegen nicht in einer Form vor, die Postern kennt, und wurden übersprungen</translation>
    </message>
    <message>
        <source>%1 kept for export but not sent</source>
        <translation>%1 für den Export aufbewahrt, aber nicht gesendet</translation>
    </message>
    <message>
        <source>disabled OAuth 2.0 extra parameter is</source>
        <translation>deaktivierter zusätzlicher OAuth-2.0-Parameter wird</translation>
    </message>
    <message>
        <source>disabled OAuth 2.0 extra parameters are</source>
        <translation>deaktivierte zusätzliche OAuth-2.0-Parameter werden</translation>
    </message>
    <message>
        <source>%1 settings Postern does not use (%2) are kept for export</source>
        <translation>Einstellungen für %1, die Postern nicht verwendet (%2), werden für den Export aufbewahrt</translation>
    </message>
    <message>
        <source>%1 settings Postern does not use (%2) are kept for export without their secret values</source>
        <translation>Einstellungen für %1, die Postern nicht verwendet (%2), werden ohne ihre geheimen Werte für den Export aufbewahrt</translation>
    </message>
</context>
<context>
    <name>Postern::PostmanCollection</name>
    <message>
        <source>“event” is %1, not a list; its scripts were ignored</source>
        <translation>„event“ ist %1, keine Liste; die Skripte wurden ignoriert</translation>
    </message>
    <message>
        <source>The collection</source>
        <translation>Die Sammlung</translation>
    </message>
    <message>
        <source>“variable” is %1, not a list; it was ignored</source>
        <translation>„variable“ ist %1, keine Liste; es wurde ignoriert</translation>
    </message>
    <message>
        <source>some variables have the wrong type and were left out or left empty</source>
        <translation>einige Variablen haben den falschen Typ und wurden ausgelassen oder leer gelassen</translation>
    </message>
    <message>
        <source>“item” is %1, not a list; it was ignored</source>
        <translation>„item“ ist %1, keine Liste; es wurde ignoriert</translation>
    </message>
    <message>
        <source>Its folders are nested deeper than %1 levels; Postern does not import it.</source>
        <translation>Ihre Ordner sind tiefer als %1 Ebenen verschachtelt; Postern importiert diese Sammlung nicht.</translation>
    </message>
    <message>
        <source>an entry of “item” is %1; it was skipped</source>
        <translation>ein Eintrag von „item“ ist %1; er wurde übersprungen</translation>
    </message>
    <message>
        <source>It holds more than %1 requests and folders; Postern does not import it.</source>
        <translation>Sie enthält mehr als %1 Anfragen und Ordner; Postern importiert diese Sammlung nicht.</translation>
    </message>
    <message>
        <source>the name is not text</source>
        <translation>der Name ist kein Text</translation>
    </message>
    <message>
        <source>its request settings (protocolProfileBehavior) are kept for export but not used</source>
        <translation>die Anfrageeinstellungen (protocolProfileBehavior) werden für den Export aufbewahrt, aber nicht verwendet</translation>
    </message>
    <message>
        <source>its variables are kept for export but not used</source>
        <translation>die Variablen werden für den Export aufbewahrt, aber nicht verwendet</translation>
    </message>
    <message>
        <source>%1 kept for export but not shown</source>
        <translation>%1 für den Export aufbewahrt, aber nicht angezeigt</translation>
    </message>
    <message>
        <source>saved response (example) is</source>
        <translation>gespeicherte Antwort (Beispiel) wird</translation>
    </message>
    <message>
        <source>saved responses (examples) are</source>
        <translation>gespeicherte Antworten (Beispiele) werden</translation>
    </message>
    <message>
        <source>fields Postern does not use are kept for export: %1</source>
        <translation>Felder, die Postern nicht verwendet, werden für den Export aufbewahrt: %1</translation>
    </message>
    <message>
        <source>its schema “%1” is not one Postern knows; it was read as v2.1</source>
        <translation>das Schema „%1“ ist Postern nicht bekannt; es wurde als v2.1 gelesen</translation>
    </message>
    <message>
        <source>its name or description is not text</source>
        <translation>der Name oder die Beschreibung ist kein Text</translation>
    </message>
    <message>
        <source>The file is larger than %1 MiB; Postern does not import it.</source>
        <translation>Die Datei ist größer als %1 MiB; Postern importiert sie nicht.</translation>
    </message>
    <message>
        <source>It is not valid JSON (%1 at byte %2).</source>
        <translation>Es ist kein gültiges JSON (%1 bei Byte %2).</translation>
    </message>
    <message>
        <source>It is not a Postman collection: the file holds a list, not an object.</source>
        <translation>Es ist keine Postman-Sammlung: Die Datei enthält eine Liste, kein Objekt.</translation>
    </message>
    <message>
        <source>Postman Collection v1 is not supported; export it again as v2.1 from Postman.</source>
        <translation>Postman Collection v1 wird nicht unterstützt; exportieren Sie sie in Postman erneut als v2.1.</translation>
    </message>
    <message>
        <source>It is a Postman environment, not a collection; import it as an environment.</source>
        <translation>Es ist eine Postman-Umgebung, keine Sammlung; importieren Sie sie als Umgebung.</translation>
    </message>
    <message>
        <source>It is not a Postman collection: “info” is %1, not an object.</source>
        <translation>Es ist keine Postman-Sammlung: „info“ ist %1, kein Objekt.</translation>
    </message>
    <message>
        <source>It is not a Postman collection: it has no “info”.</source>
        <translation>Es ist keine Postman-Sammlung: „info“ fehlt.</translation>
    </message>
    <message>
        <source>It is not a Postman collection: “item” is %1, not a list.</source>
        <translation>Es ist keine Postman-Sammlung: „item“ ist %1, keine Liste.</translation>
    </message>
</context>
<context>
    <name>Postern::PostmanEnvironment</name>
    <message>
        <source>The file is larger than %1 MiB; Postern does not import it.</source>
        <translation>Die Datei ist größer als %1 MiB; Postern importiert sie nicht.</translation>
    </message>
    <message>
        <source>It is not valid JSON (%1 at byte %2).</source>
        <translation>Es ist kein gültiges JSON (%1 bei Byte %2).</translation>
    </message>
    <message>
        <source>It is not a Postman environment: the file holds a list, not an object.</source>
        <translation>Es ist keine Postman-Umgebung: Die Datei enthält eine Liste, kein Objekt.</translation>
    </message>
    <message>
        <source>It is a Postman collection, not an environment; import it as a collection.</source>
        <translation>Es ist eine Postman-Sammlung, keine Umgebung; importieren Sie sie als Sammlung.</translation>
    </message>
    <message>
        <source>It is not a Postman environment: it has no “values” list.</source>
        <translation>Es ist keine Postman-Umgebung: Die Liste „values“ fehlt.</translation>
    </message>
    <message>
        <source>It is not a Postman environment: “values” is %1, not a list.</source>
        <translation>Es ist keine Postman-Umgebung: „values“ ist %1, keine Liste.</translation>
    </message>
    <message>
        <source>The environment&apos;s name is not text; it was left empty.</source>
        <translation>Der Name der Umgebung ist kein Text; er wurde leer gelassen.</translation>
    </message>
    <message>
        <source>It is a Postman globals file; its variables were imported as an environment.</source>
        <translation>Es ist eine Postman-Datei mit globalen Variablen; ihre Variablen wurden als Umgebung importiert.</translation>
    </message>
    <message>
        <source>The variable scope “%1” is unknown; it was read as an environment.</source>
        <translation>Der Variablenbereich „%1“ ist unbekannt; er wurde als Umgebung gelesen.</translation>
    </message>
    <message>
        <source>%1 without a key or of the wrong type left out.</source>
        <translation>%1 ohne Schlüssel oder mit falschem Typ ausgelassen.</translation>
    </message>
    <message>
        <source>variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>variables</source>
        <translation>Variablen</translation>
    </message>
    <message>
        <source>%1 not text; kept as text.</source>
        <translation>%1 kein Text; als Text beibehalten.</translation>
    </message>
    <message>
        <source>value is</source>
        <translation>Wert ist</translation>
    </message>
    <message>
        <source>values are</source>
        <translation>Werte sind</translation>
    </message>
    <message>
        <source>%1 a list or an object; left empty.</source>
        <translation>%1 eine Liste oder ein Objekt; leer gelassen.</translation>
    </message>
    <message>
        <source>Variable fields Postern does not keep were left out: %1.</source>
        <translation>Variablenfelder, die Postern nicht aufbewahrt, wurden ausgelassen: %1.</translation>
    </message>
    <message>
        <source>Fields Postern does not keep were left out: %1.</source>
        <translation>Felder, die Postern nicht aufbewahrt, wurden ausgelassen: %1.</translation>
    </message>
    <message>
        <source>Left out: %1 (when and with what Postman exported the file).</source>
        <translation>Ausgelassen: %1 (wann und womit Postman die Datei exportiert hat).</translation>
    </message>
</context>
<context>
    <name>Postern::PostmanJson</name>
    <message>
        <source>Request “%1”</source>
        <translation>Anfrage „%1“</translation>
    </message>
    <message>
        <source>Folder “%1”</source>
        <translation>Ordner „%1“</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>nicht vorhanden</translation>
    </message>
</context>
<context>
    <name>Postern::PostmanRequest</name>
    <message>
        <source>“header” is %1, not a list; it was ignored</source>
        <translation>„header“ ist %1, keine Liste; es wurde ignoriert</translation>
    </message>
    <message>
        <source>“body” is %1, not an object; it was ignored</source>
        <translation>„body“ ist %1, kein Objekt; es wurde ignoriert</translation>
    </message>
    <message>
        <source>the body mode “%1” is unknown; the raw body is used</source>
        <translation>der Body-Modus „%1“ ist unbekannt; der Roh-Body wird verwendet</translation>
    </message>
    <message>
        <source>parts of the body have the wrong type and were left out</source>
        <translation>Teile des Bodys haben den falschen Typ und wurden ausgelassen</translation>
    </message>
    <message>
        <source>there is no request; an empty GET request is used</source>
        <translation>es gibt keine Anfrage; eine leere GET-Anfrage wird verwendet</translation>
    </message>
    <message>
        <source>“request” is %1; an empty GET request is used</source>
        <translation>„request“ ist %1; eine leere GET-Anfrage wird verwendet</translation>
    </message>
    <message>
        <source>“method” is not text; GET is used</source>
        <translation>„method“ ist kein Text; GET wird verwendet</translation>
    </message>
    <message>
        <source>some headers have the wrong type and were left out</source>
        <translation>einige Header haben den falschen Typ und wurden ausgelassen</translation>
    </message>
    <message>
        <source>the description has the wrong type and was left out</source>
        <translation>die Beschreibung hat den falschen Typ und wurde ausgelassen</translation>
    </message>
    <message>
        <source>its proxy settings are kept for export but not used</source>
        <translation>die Proxy-Einstellungen werden für den Export aufbewahrt, aber nicht verwendet</translation>
    </message>
    <message>
        <source>its client certificate settings are kept for export but not used</source>
        <translation>die Einstellungen für Client-Zertifikate werden für den Export aufbewahrt, aber nicht verwendet</translation>
    </message>
    <message>
        <source>request settings Postern does not use (%1) are kept for export</source>
        <translation>Anfrageeinstellungen, die Postern nicht verwendet (%1), werden für den Export aufbewahrt</translation>
    </message>
    <message>
        <source>“protocolProfileBehavior” is %1; it was ignored</source>
        <translation>„protocolProfileBehavior“ ist %1; es wurde ignoriert</translation>
    </message>
    <message>
        <source>fields Postern does not use are kept for export: %1</source>
        <translation>Felder, die Postern nicht verwendet, werden für den Export aufbewahrt: %1</translation>
    </message>
</context>
<context>
    <name>Postern::PostmanUrl</name>
    <message>
        <source>“url” is %1; the URL is left empty</source>
        <translation>„url“ ist %1; die URL bleibt leer</translation>
    </message>
    <message>
        <source>“url.query” is %1, not a list; it was ignored</source>
        <translation>„url.query“ ist %1, keine Liste; wurde ignoriert</translation>
    </message>
    <message>
        <source>parts of the URL have the wrong type and were left out</source>
        <translation>Teile der URL haben den falschen Typ und wurden weggelassen</translation>
    </message>
    <message>
        <source>%1 kept for export but not shown</source>
        <translation>%1 für den Export aufbewahrt, aber nicht angezeigt</translation>
    </message>
    <message>
        <source>disabled query parameter is</source>
        <translation>deaktivierter Abfrageparameter wird</translation>
    </message>
    <message>
        <source>disabled query parameters are</source>
        <translation>deaktivierte Abfrageparameter werden</translation>
    </message>
    <message>
        <source>%1 kept for export but not substituted</source>
        <translation>%1 für den Export aufbewahrt, aber nicht ersetzt</translation>
    </message>
    <message>
        <source>path variable (:name) is</source>
        <translation>Pfadvariable (:name) wird</translation>
    </message>
    <message>
        <source>path variables (:name) are</source>
        <translation>Pfadvariablen (:name) werden</translation>
    </message>
</context>
<context>
    <name>Postern::RequestBody</name>
    <message>
        <source>The files in the body add up to more than %1 MiB, the most Postern sends in one body.</source>
        <translation>Die Dateien im Body sind zusammen größer als %1 MiB, das Maximum, das Postern in einem Body sendet.</translation>
    </message>
    <message>
        <source>The file “%1” is larger than %2 MiB, the most Postern sends in one body.</source>
        <translation>Die Datei „%1“ ist größer als %2 MiB, das Maximum, das Postern in einem Body sendet.</translation>
    </message>
    <message>
        <source>The file “%1” does not exist.</source>
        <translation>Die Datei „%1“ existiert nicht.</translation>
    </message>
    <message>
        <source>“%1” is a folder, not a file.</source>
        <translation>„%1“ ist ein Ordner, keine Datei.</translation>
    </message>
    <message>
        <source>“%1” is not a regular file.</source>
        <translation>„%1“ ist keine reguläre Datei.</translation>
    </message>
    <message>
        <source>The file “%1” cannot be read: permission denied.</source>
        <translation>Die Datei „%1“ kann nicht gelesen werden: Zugriff verweigert.</translation>
    </message>
    <message>
        <source>The file “%1” cannot be read: %2.</source>
        <translation>Die Datei „%1“ kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>The form-data field “%1” is a file, but no file is chosen.</source>
        <translation>Das Form-Data-Feld „%1“ ist eine Datei, aber es ist keine Datei ausgewählt.</translation>
    </message>
    <message>
        <source>The boundary in the Content-Type header occurs in the form data; remove it from the header and Postern chooses one that does not.</source>
        <translation>Die Boundary im Content-Type-Header kommt in den Formulardaten vor; entfernen Sie sie aus dem Header, dann wählt Postern eine, die nicht vorkommt.</translation>
    </message>
    <message>
        <source>No multipart boundary could be found that does not occur in the form data.</source>
        <translation>Es wurde keine Multipart-Boundary gefunden, die nicht in den Formulardaten vorkommt.</translation>
    </message>
    <message>
        <source>The GraphQL variables are not valid JSON: %1 at character %2.</source>
        <translation>Die GraphQL-Variablen sind kein gültiges JSON: %1 bei Zeichen %2.</translation>
    </message>
    <message>
        <source>The GraphQL variables must be a JSON object, such as {&quot;id&quot;: 1}.</source>
        <translation>Die GraphQL-Variablen müssen ein JSON-Objekt sein, z. B. {&quot;id&quot;: 1}.</translation>
    </message>
    <message>
        <source>The content type of the form-data field “%1”: %2</source>
        <translation>Der Inhaltstyp des Form-Data-Felds „%1“: %2</translation>
    </message>
</context>
<context>
    <name>Postern::RequestEditor</name>
    <message>
        <source>HTTP method</source>
        <translation>HTTP-Methode</translation>
    </message>
    <message>
        <source>Request URL</source>
        <translation>Anfrage-URL</translation>
    </message>
    <message>
        <source>Enter a URL, e.g. https://INSTANCE.service-now.com/api/now/table/incident</source>
        <translation>URL eingeben, z. B. https://INSTANCE.service-now.com/api/now/table/incident</translation>
    </message>
    <message>
        <source>Clear URL</source>
        <translation>URL leeren</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Send the request (Ctrl+Enter)</source>
        <translation>Anfrage senden (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Undefined variables</source>
        <translation>Nicht definierte Variablen</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Query parameters</source>
        <translation>Abfrageparameter</translation>
    </message>
    <message>
        <source>&amp;Params</source>
        <translation>&amp;Parameter</translation>
    </message>
    <message>
        <source>&amp;Authorization</source>
        <translation>&amp;Autorisierung</translation>
    </message>
    <message>
        <source>H&amp;eaders</source>
        <translation>H&amp;eader</translation>
    </message>
    <message>
        <source>&amp;Body</source>
        <translation>&amp;Body</translation>
    </message>
    <message>
        <source>Scr&amp;ipts</source>
        <translation>Skr&amp;ipte</translation>
    </message>
    <message>
        <source>Assertions</source>
        <translation>Prüfungen</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>Eins&amp;tellungen</translation>
    </message>
    <message>
        <source>Request headers</source>
        <translation>Anfrage-Header</translation>
    </message>
    <message>
        <source>Sho&amp;w authorization value</source>
        <translation>Autorisierungs&amp;wert anzeigen</translation>
    </message>
    <message>
        <source>Show the credential of the automatic Authorization header</source>
        <translation>Die Anmeldedaten des automatischen Authorization-Headers anzeigen</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>No timeout</source>
        <translation>Kein Zeitlimit</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>&amp;Zeitlimit:</translation>
    </message>
    <message>
        <source>&amp;Verify TLS certificates</source>
        <translation>TLS-Zertifikate prü&amp;fen</translation>
    </message>
    <message>
        <source>Verify TLS certificates</source>
        <translation>TLS-Zertifikate prüfen</translation>
    </message>
    <message>
        <source>Turn off only for a server you trust that uses a self-signed certificate.</source>
        <translation>Nur für einen vertrauenswürdigen Server mit selbstsigniertem Zertifikat ausschalten.</translation>
    </message>
    <message>
        <source>&amp;Follow redirects</source>
        <translation>&amp;Weiterleitungen folgen</translation>
    </message>
    <message>
        <source>Follow redirects</source>
        <translation>Weiterleitungen folgen</translation>
    </message>
    <message>
        <source>Client certificate:</source>
        <translation>Client-Zertifikat:</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>Client-Zertifikat</translation>
    </message>
    <message>
        <source>%1 (set for %2 in Settings → Client Certificates)</source>
        <translation>%1 (für %2 festgelegt unter Einstellungen → Client-Zertifikate)</translation>
    </message>
    <message>
        <source>None for %1 (Settings → Client Certificates adds one)</source>
        <translation>Keines für %1 (unter Einstellungen → Client-Zertifikate hinzufügen)</translation>
    </message>
    <message>
        <source>None: only https requests present one</source>
        <translation>Keines: Nur https-Anfragen legen eines vor</translation>
    </message>
    <message>
        <source>Not defined in the current environment, the collection or the globals: %1</source>
        <translation>Nicht in der aktuellen Umgebung, der Sammlung oder den globalen Variablen definiert: %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the request (Esc)</source>
        <translation>Anfrage abbrechen (Esc)</translation>
    </message>
    <message>
        <source>the Authorization tab</source>
        <translation>dem Tab „Autorisierung“</translation>
    </message>
    <message>
        <source>the Body tab</source>
        <translation>dem Tab „Body“</translation>
    </message>
</context>
<context>
    <name>Postern::RequestTab</name>
    <message>
        <source>no authorization</source>
        <translation>keine Autorisierung</translation>
    </message>
    <message>
        <source>Basic Auth as “%1”</source>
        <translation>Basic Auth als „%1“</translation>
    </message>
    <message>
        <source>a Bearer token</source>
        <translation>ein Bearer-Token</translation>
    </message>
    <message>
        <source>OAuth 2.0 (%1)</source>
        <translation>OAuth 2.0 (%1)</translation>
    </message>
    <message>
        <source>Scripts run on Send (this request&apos;s, its folders&apos; or its collection&apos;s): their tests and console show under the response, in Test Results and Console.</source>
        <translation>Skripte laufen beim Senden (die dieser Anfrage, ihrer Ordner oder ihrer Sammlung): Ihre Tests und Konsolenausgaben erscheinen unter der Antwort, in „Testergebnisse“ und „Konsole“.</translation>
    </message>
    <message>
        <source>Get New Access Token…</source>
        <translation>Neues Zugriffstoken anfordern…</translation>
    </message>
    <message>
        <source>Get New Access Token</source>
        <translation>Neues Zugriffstoken anfordern</translation>
    </message>
    <message>
        <source>Untitled Request</source>
        <translation>Unbenannte Anfrage</translation>
    </message>
    <message>
        <source>This request is in no collection: it is sent without authorization.</source>
        <translation>Diese Anfrage gehört zu keiner Sammlung: Sie wird ohne Autorisierung gesendet.</translation>
    </message>
    <message>
        <source>This request uses the authorization of “%1”: %2. Change it in %1&apos;s settings.</source>
        <translation>Diese Anfrage verwendet die Autorisierung von „%1“: %2. Ändern Sie sie in den Einstellungen von %1.</translation>
    </message>
    <message>
        <source>A pre-request script skipped the request (pm.execution.skipRequest()).</source>
        <translation>Ein Pre-Request-Skript hat die Anfrage übersprungen (pm.execution.skipRequest()).</translation>
    </message>
    <message>
        <source>The variables the scripts set could not be kept: %1</source>
        <translation>Die von den Skripten gesetzten Variablen konnten nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Send a request to see its answer here.</source>
        <translation>Senden Sie eine Anfrage, um hier ihre Antwort zu sehen.</translation>
    </message>
</context>
<context>
    <name>Postern::RequestTabs</name>
    <message>
        <source>Open requests</source>
        <translation>Geöffnete Anfragen</translation>
    </message>
    <message>
        <source>%1 (unsaved changes)</source>
        <translation>%1 (ungespeicherte Änderungen)</translation>
    </message>
    <message>
        <source>%1, unsaved</source>
        <translation>%1, nicht gespeichert</translation>
    </message>
    <message>
        <source>Close %1</source>
        <translation>%1 schließen</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>“%1” has unsaved changes. Save them before closing?</source>
        <translation>„%1“ enthält ungespeicherte Änderungen. Vor dem Schließen speichern?</translation>
    </message>
    <message>
        <source>There is no workspace to save to.</source>
        <translation>Es gibt keinen Arbeitsbereich zum Speichern.</translation>
    </message>
    <message>
        <source>Not Saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>Saved “%1” in %2.</source>
        <translation>„%1“ in %2 gespeichert.</translation>
    </message>
    <message>
        <source>New collection…</source>
        <translation>Neue Sammlung…</translation>
    </message>
    <message>
        <source>Save Request</source>
        <translation>Anfrage speichern</translation>
    </message>
    <message>
        <source>Request name:</source>
        <translation>Name der Anfrage:</translation>
    </message>
    <message>
        <source>Save to collection:</source>
        <translation>In Sammlung speichern:</translation>
    </message>
    <message>
        <source>New Collection</source>
        <translation>Neue Sammlung</translation>
    </message>
    <message>
        <source>Collection name:</source>
        <translation>Name der Sammlung:</translation>
    </message>
    <message>
        <source>Unsaved edits could not be kept: %1</source>
        <translation>Ungespeicherte Änderungen konnten nicht aufbewahrt werden: %1</translation>
    </message>
</context>
<context>
    <name>Postern::ResponseBody</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy body</source>
        <translation>Body kopieren</translation>
    </message>
    <message>
        <source>Pretty</source>
        <translation>Formatiert</translation>
    </message>
    <message>
        <source>Pretty body</source>
        <translation>Formatierter Body</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>Roh</translation>
    </message>
    <message>
        <source>Raw body</source>
        <translation>Roher Body</translation>
    </message>
    <message>
        <source>Tree</source>
        <translation>Baum</translation>
    </message>
    <message>
        <source>Body as a tree</source>
        <translation>Body als Baum</translation>
    </message>
    <message>
        <source>Keys and values as a tree that opens row by row</source>
        <translation>Schlüssel und Werte als Baum, der sich Zeile für Zeile aufklappen lässt</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Preview the body</source>
        <translation>Vorschau des Bodys</translation>
    </message>
    <message>
        <source>An image as a picture; HTML as a page, without its scripts or anything it would fetch</source>
        <translation>Ein Bild als Bild; HTML als Seite, ohne seine Skripte und ohne alles, was es nachladen würde</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <source>Body in hex</source>
        <translation>Body als Hexdump</translation>
    </message>
    <message>
        <source>The bytes as hexdump -C shows them</source>
        <translation>Die Bytes so, wie hexdump -C sie anzeigt</translation>
    </message>
    <message>
        <source>Wrap</source>
        <translation>Umbrechen</translation>
    </message>
    <message>
        <source>Wrap long lines</source>
        <translation>Lange Zeilen umbrechen</translation>
    </message>
    <message>
        <source>Wrap long lines at the width of the view</source>
        <translation>Lange Zeilen an der Breite der Ansicht umbrechen</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Find in the body</source>
        <translation>Im Body suchen</translation>
    </message>
    <message>
        <source>Find in the body (Ctrl+F); go to a line with Ctrl+G</source>
        <translation>Im Body suchen (Strg+F); mit Strg+G zu einer Zeile springen</translation>
    </message>
    <message>
        <source>Copy the body, or the selected lines of it, to the clipboard</source>
        <translation>Den Body oder die markierten Zeilen daraus in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>Save response to file</source>
        <translation>Antwort in Datei speichern</translation>
    </message>
    <message>
        <source>Save the body to a file, byte for byte, however large</source>
        <translation>Den Body Byte für Byte in eine Datei speichern, egal wie groß er ist</translation>
    </message>
    <message>
        <source>Response body</source>
        <translation>Antwort-Body</translation>
    </message>
    <message>
        <source>Saved the response to %1.</source>
        <translation>Die Antwort wurde in %1 gespeichert.</translation>
    </message>
    <message>
        <source>The body is %1, more than Postern shows (Settings ▸ Response Body Limit), so it is not shown. Save… writes all of it to a file.</source>
        <translation>Der Body ist %1 groß, mehr als Postern anzeigt (Einstellungen ▸ Limit für Antwort-Body), und wird daher nicht angezeigt. „Speichern…“ schreibt ihn vollständig in eine Datei.</translation>
    </message>
    <message>
        <source>The body (%1) was kept in a file that could not be read back (%2), so it is not shown. Save… writes all of it to a file.</source>
        <translation>Der Body (%1) wurde in einer Datei abgelegt, die nicht wieder gelesen werden konnte (%2), und wird daher nicht angezeigt. „Speichern…“ schreibt ihn vollständig in eine Datei.</translation>
    </message>
    <message>
        <source>The response has no body.</source>
        <translation>Die Antwort hat keinen Body.</translation>
    </message>
    <message>
        <source>Reading the body…</source>
        <translation>Body wird gelesen…</translation>
    </message>
    <message>
        <source>Save Response</source>
        <translation>Antwort speichern</translation>
    </message>
    <message>
        <source>Saving the response to %1…</source>
        <translation>Antwort wird in %1 gespeichert…</translation>
    </message>
    <message>
        <source>Go to Line</source>
        <translation>Gehe zu Zeile</translation>
    </message>
    <message>
        <source>&amp;Line (1 to %1):</source>
        <translation>&amp;Zeile (1 bis %1):</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>Copied the response body.</source>
        <translation>Der Antwort-Body wurde kopiert.</translation>
    </message>
    <message>
        <source>Copied the selected lines.</source>
        <translation>Die markierten Zeilen wurden kopiert.</translation>
    </message>
</context>
<context>
    <name>Postern::ResponseFile</name>
    <message>
        <source>Could not save the response to %1: %2.</source>
        <translation>Die Antwort konnte nicht unter %1 gespeichert werden: %2.</translation>
    </message>
    <message>
        <source>the temporary file holding it cannot be read (%1)</source>
        <translation>die temporäre Datei, die sie enthält, kann nicht gelesen werden (%1)</translation>
    </message>
    <message>
        <source>canceled</source>
        <translation>abgebrochen</translation>
    </message>
</context>
<context>
    <name>Postern::ResponseViewer</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Response&lt;/b&gt;</source>
        <translation>&lt;b&gt;Antwort&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Status of the response</source>
        <translation>Status der Antwort</translation>
    </message>
    <message>
        <source>Time the response took</source>
        <translation>Dauer der Antwort</translation>
    </message>
    <message>
        <source>Size of the response, headers and body</source>
        <translation>Größe der Antwort, Header und Body</translation>
    </message>
    <message>
        <source>Sending request</source>
        <translation>Anfrage wird gesendet</translation>
    </message>
    <message>
        <source>Response message</source>
        <translation>Antwortmeldung</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>B&amp;ody</source>
        <translation>B&amp;ody</translation>
    </message>
    <message>
        <source>Response headers</source>
        <translation>Antwort-Header</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Hea&amp;ders</source>
        <translation>&amp;Header</translation>
    </message>
    <message>
        <source>Cookies the response set</source>
        <translation>Von der Antwort gesetzte Cookies</translation>
    </message>
    <message>
        <source>Coo&amp;kies</source>
        <translation>Coo&amp;kies</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>Zeitmessung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Send a request to see its answer here.</source>
        <translation>Senden Sie eine Anfrage, um hier ihre Antwort zu sehen.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>Receiving %1 of %2, %3</source>
        <translation>Empfange %1 von %2, %3</translation>
    </message>
    <message>
        <source>Receiving %1, %2</source>
        <translation>Empfange %1, %2</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>No answer.</source>
        <translation>Keine Antwort.</translation>
    </message>
    <message>
        <source>Body %1, headers %2</source>
        <translation>Body %1, Header %2</translation>
    </message>
    <message>
        <source>Coo&amp;kies (%1)</source>
        <translation>Coo&amp;kies (%1)</translation>
    </message>
</context>
<context>
    <name>Postern::RpLogout</name>
    <message>
        <source>The server&apos;s end-session endpoint is not known: Discover in Get New Access Token finds it (end_session_endpoint).</source>
        <translation>Der End-Session-Endpunkt des Servers ist nicht bekannt: „Ermitteln“ unter „Neues Zugriffstoken anfordern“ findet ihn (end_session_endpoint).</translation>
    </message>
    <message>
        <source>The end-session endpoint is not an http(s) URL.</source>
        <translation>Der End-Session-Endpunkt ist keine http(s)-URL.</translation>
    </message>
    <message>
        <source>Signing out needs the Callback URL, where the server sends the browser back.</source>
        <translation>Zum Abmelden wird die Callback-URL benötigt, an die der Server den Browser zurückschickt.</translation>
    </message>
    <message>
        <source>The server did not sign you out: %1 %2</source>
        <translation>Der Server hat Sie nicht abgemeldet: %1 %2</translation>
    </message>
    <message>
        <source>The redirect after signing out does not carry this sign-out&apos;s state; it is not taken as confirmation.</source>
        <translation>Die Weiterleitung nach dem Abmelden enthält nicht den State dieser Abmeldung; sie wird nicht als Bestätigung gewertet.</translation>
    </message>
</context>
<context>
    <name>Postern::RunnerDialog</name>
    <message>
        <source>Pass — %1</source>
        <translation>Bestanden — %1</translation>
    </message>
    <message>
        <source>Fail — %1: %2</source>
        <translation>Fehlgeschlagen — %1: %2</translation>
    </message>
    <message>
        <source>Skipped — %1</source>
        <translation>Übersprungen — %1</translation>
    </message>
    <message>
        <source>Run “%1”</source>
        <translation>„%1“ ausführen</translation>
    </message>
    <message>
        <source>No Environment</source>
        <translation>Keine Umgebung</translation>
    </message>
    <message>
        <source>En&amp;vironment:</source>
        <translation>&amp;Umgebung:</translation>
    </message>
    <message>
        <source>&amp;Iterations:</source>
        <translation>&amp;Iterationen:</translation>
    </message>
    <message>
        <source>CSV or JSON, one iteration per row</source>
        <translation>CSV oder JSON, eine Iteration pro Zeile</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Auswählen…</translation>
    </message>
    <message>
        <source>Choose a data file</source>
        <translation>Datendatei auswählen</translation>
    </message>
    <message>
        <source>&amp;Data file:</source>
        <translation>&amp;Datendatei:</translation>
    </message>
    <message>
        <source>Data file</source>
        <translation>Datendatei</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>De&amp;lay:</source>
        <translation>&amp;Verzögerung:</translation>
    </message>
    <message>
        <source>Delay between requests</source>
        <translation>Verzögerung zwischen Anfragen</translation>
    </message>
    <message>
        <source>&amp;Stop on the first failure</source>
        <translation>Beim ersten Fehlschlag a&amp;nhalten</translation>
    </message>
    <message>
        <source>Stop on the first failure</source>
        <translation>Beim ersten Fehlschlag anhalten</translation>
    </message>
    <message>
        <source>&amp;Keep variable values</source>
        <translation>Variablenwerte be&amp;halten</translation>
    </message>
    <message>
        <source>Keep variable values</source>
        <translation>Variablenwerte behalten</translation>
    </message>
    <message>
        <source>Save what scripts set in the environment, the collection and the globals</source>
        <translation>Speichern, was Skripte in der Umgebung, der Sammlung und den globalen Variablen setzen</translation>
    </message>
    <message>
        <source>&amp;Up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Move the request up</source>
        <translation>Anfrage nach oben verschieben</translation>
    </message>
    <message>
        <source>Do&amp;wn</source>
        <translation>Nach un&amp;ten</translation>
    </message>
    <message>
        <source>Move the request down</source>
        <translation>Anfrage nach unten verschieben</translation>
    </message>
    <message>
        <source>Re&amp;quests (ticked run, in this order):</source>
        <translation>Anf&amp;ragen (markierte werden in dieser Reihenfolge ausgeführt):</translation>
    </message>
    <message>
        <source>Requests to run</source>
        <translation>Auszuführende Anfragen</translation>
    </message>
    <message>
        <source>Not run yet.</source>
        <translation>Noch nicht ausgeführt.</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Requests run</source>
        <translation>Ausgeführte Anfragen</translation>
    </message>
    <message>
        <source>Run results</source>
        <translation>Ergebnisse des Durchlaufs</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Summen</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>Aus&amp;führen</translation>
    </message>
    <message>
        <source>&amp;Cancel Run</source>
        <translation>Durchlauf a&amp;bbrechen</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>Export the run as JSON</source>
        <translation>Durchlauf als JSON exportieren</translation>
    </message>
    <message>
        <source>Choose a Data File</source>
        <translation>Datendatei auswählen</translation>
    </message>
    <message>
        <source>Data files (%1)</source>
        <translation>Datendateien (%1)</translation>
    </message>
    <message>
        <source>All files (%1)</source>
        <translation>Alle Dateien (%1)</translation>
    </message>
    <message>
        <source>Export the Run</source>
        <translation>Durchlauf exportieren</translation>
    </message>
    <message>
        <source>The report could not be saved: %1</source>
        <translation>Der Bericht konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Request %1 of %2 (“%3”), iteration %4 of %5</source>
        <translation>Anfrage %1 von %2 („%3“), Iteration %4 von %5</translation>
    </message>
    <message>
        <source>%1 row(s): at least one iteration per row.</source>
        <translation>%1 Zeile(n): mindestens eine Iteration pro Zeile.</translation>
    </message>
    <message>
        <source>Tick at least one request to run.</source>
        <translation>Markieren Sie mindestens eine auszuführende Anfrage.</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <source>%1 %2, %3 ms</source>
        <translation>%1 %2, %3 ms</translation>
    </message>
    <message>
        <source>%1. %2 — %3 — %4 of %5 tests passed</source>
        <translation>%1. %2 — %3 — %4 von %5 Tests bestanden</translation>
    </message>
    <message>
        <source>%1. %2 — %3</source>
        <translation>%1. %2 — %3</translation>
    </message>
    <message>
        <source>Error — %1</source>
        <translation>Fehler — %1</translation>
    </message>
    <message>
        <source>Console — %1: %2</source>
        <translation>Konsole — %1: %2</translation>
    </message>
    <message>
        <source>%1 request(s), %2 test(s): %3 passed, %4 failed, %5 skipped</source>
        <translation>%1 Anfrage(n), %2 Test(s): %3 bestanden, %4 fehlgeschlagen, %5 übersprungen</translation>
    </message>
    <message>
        <source>%1 request(s), %2 test(s): %3 passed, %4 failed</source>
        <translation>%1 Anfrage(n), %2 Test(s): %3 bestanden, %4 fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 script error(s)</source>
        <translation>%1 Skriptfehler</translation>
    </message>
    <message>
        <source>%1 request(s) without an answer</source>
        <translation>%1 Anfrage(n) ohne Antwort</translation>
    </message>
    <message>
        <source>; </source>
        <extracomment>The run&apos;s totals: &quot;2 request(s), 3 test(s): 3 passed, 0 failed; 1 script error(s).&quot;</extracomment>
        <translation>; </translation>
    </message>
    <message>
        <source>Canceled after %1 ms.</source>
        <translation>Nach %1 ms abgebrochen.</translation>
    </message>
    <message>
        <source>Finished in %1 ms.</source>
        <translation>In %1 ms abgeschlossen.</translation>
    </message>
    <message>
        <source>The variables could not be kept: %1</source>
        <translation>Die Variablen konnten nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Canceling the run before closing…</source>
        <translation>Durchlauf wird vor dem Schließen abgebrochen…</translation>
    </message>
</context>
<context>
    <name>Postern::SandboxEnvironment</name>
    <message>
        <source>The built-in sandbox instance (set at every start)</source>
        <translation>Die eingebaute Sandbox-Instanz (bei jedem Start gesetzt)</translation>
    </message>
    <message>
        <source>The sandbox&apos;s built-in user</source>
        <translation>Der eingebaute Benutzer der Sandbox</translation>
    </message>
    <message>
        <source>Sandbox instance at %1 (user admin, password admin; OAuth client ID postern, secret postern-secret)</source>
        <translation>Sandbox-Instanz unter %1 (Benutzer admin, Passwort admin; OAuth-Client-ID postern, Geheimnis postern-secret)</translation>
    </message>
</context>
<context>
    <name>Postern::ScriptEngine</name>
    <message>
        <source>%1 timer(s)</source>
        <translation>%1 Timer</translation>
    </message>
    <message>
        <source>The script did not finish within %1 s; it was still waiting for %2.</source>
        <translation>Das Skript wurde nicht innerhalb von %1 s beendet; es wartete noch auf %2.</translation>
    </message>
    <message>
        <source>%1 is missing from this build.</source>
        <translation>%1 fehlt in diesem Build.</translation>
    </message>
    <message>
        <source>The scripting API did not load: %1</source>
        <translation>Die Skript-API wurde nicht geladen: %1</translation>
    </message>
    <message>
        <source>Scripts cannot run: %1</source>
        <translation>Skripte können nicht ausgeführt werden: %1</translation>
    </message>
    <message>
        <source>The script was canceled.</source>
        <translation>Das Skript wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The script ran for more than %1 s and was stopped (the time limit for scripts).</source>
        <translation>Das Skript lief länger als %1 s und wurde gestoppt (Zeitlimit für Skripte).</translation>
    </message>
</context>
<context>
    <name>Postern::ScriptProcess</name>
    <message>
        <source>The scripts did not finish within %1 s and their engine was stopped.</source>
        <translation>Die Skripte wurden nicht innerhalb von %1 s beendet, und ihre Engine wurde angehalten.</translation>
    </message>
    <message>
        <source>The postern-script-worker program was not found; scripts cannot run.</source>
        <translation>Das Programm postern-script-worker wurde nicht gefunden; Skripte können nicht ausgeführt werden.</translation>
    </message>
    <message>
        <source>Scripts cannot run in this process: this program has no JavaScript engine.</source>
        <translation>Skripte können in diesem Prozess nicht ausgeführt werden: Dieses Programm hat keine JavaScript-Engine.</translation>
    </message>
    <message>
        <source>The script engine sent more than it may; it was stopped.</source>
        <translation>Die Skript-Engine hat mehr gesendet als erlaubt; sie wurde angehalten.</translation>
    </message>
    <message>
        <source>it crashed</source>
        <translation>sie ist abgestürzt</translation>
    </message>
    <message>
        <source>it exited with code %1</source>
        <translation>sie wurde mit Code %1 beendet</translation>
    </message>
    <message>
        <source>The script engine stopped (%1) while running the scripts of “%2”; nothing they changed was kept. A script may have asked for more memory than scripts get.</source>
        <translation>Die Skript-Engine wurde beim Ausführen der Skripte von „%2“ angehalten (%1); keine ihrer Änderungen wurde übernommen. Möglicherweise hat ein Skript mehr Speicher angefordert, als Skripten zusteht.</translation>
    </message>
</context>
<context>
    <name>Postern::ScriptsEditor</name>
    <message>
        <source>Status code is 200</source>
        <translation>Statuscode ist 200</translation>
    </message>
    <message>
        <source>Response time is below 500 ms</source>
        <translation>Antwortzeit unter 500 ms</translation>
    </message>
    <message>
        <source>Body contains a string</source>
        <translation>Body enthält eine Zeichenkette</translation>
    </message>
    <message>
        <source>A JSON value equals</source>
        <translation>Ein JSON-Wert ist gleich</translation>
    </message>
    <message>
        <source>A header is present</source>
        <translation>Ein Header ist vorhanden</translation>
    </message>
    <message>
        <source>Save a JSON field to an environment variable</source>
        <translation>Ein JSON-Feld in einer Umgebungsvariable speichern</translation>
    </message>
    <message>
        <source>Set a collection variable</source>
        <translation>Eine Sammlungsvariable setzen</translation>
    </message>
    <message>
        <source>Get a variable</source>
        <translation>Eine Variable lesen</translation>
    </message>
    <message>
        <source>Send a request</source>
        <translation>Eine Anfrage senden</translation>
    </message>
    <message>
        <source>Log to the console</source>
        <translation>In die Konsole schreiben</translation>
    </message>
    <message>
        <source>Scripts</source>
        <translation>Skripte</translation>
    </message>
    <message>
        <source>Pre-request script</source>
        <translation>Pre-Request-Skript</translation>
    </message>
    <message>
        <source>Runs before the request is sent: pm.variables.set(&quot;id&quot;, 1);</source>
        <translation>Läuft, bevor die Anfrage gesendet wird: pm.variables.set(&quot;id&quot;, 1);</translation>
    </message>
    <message>
        <source>Post-response script</source>
        <translation>Post-Response-Skript</translation>
    </message>
    <message>
        <source>Runs after the answer: pm.test(&quot;Status code is 200&quot;, () =&gt; pm.response.to.have.status(200));</source>
        <translation>Läuft nach der Antwort: pm.test(&quot;Status code is 200&quot;, () =&gt; pm.response.to.have.status(200));</translation>
    </message>
    <message>
        <source>Pre-request</source>
        <translation>Pre-Request</translation>
    </message>
    <message>
        <source>Post-response</source>
        <translation>Post-Response</translation>
    </message>
    <message>
        <source>Snippets (Enter inserts):</source>
        <translation>Snippets (Eingabe fügt ein):</translation>
    </message>
    <message>
        <source>Snippets</source>
        <translation>Snippets</translation>
    </message>
</context>
<context>
    <name>Postern::SecretStoreOnDemand</name>
    <message>
        <source>Nothing is stored yet.</source>
        <translation>Es ist noch nichts gespeichert.</translation>
    </message>
</context>
<context>
    <name>Postern::SecretStoreProbe</name>
    <message>
        <source>no answer within %1 ms</source>
        <translation>keine Antwort innerhalb von %1 ms</translation>
    </message>
    <message>
        <source>the keychain returned something else than was stored</source>
        <translation>der Schlüsselbund hat etwas anderes zurückgegeben, als gespeichert wurde</translation>
    </message>
</context>
<context>
    <name>Postern::SendOperation</name>
    <message>
        <source>The token could not be refreshed, so the request was not sent. %1</source>
        <translation>Das Token konnte nicht aktualisiert werden, daher wurde die Anfrage nicht gesendet. %1</translation>
    </message>
    <message>
        <source>No DPoP proof could be made for the token: %1</source>
        <translation>Für das Token konnte kein DPoP-Nachweis erstellt werden: %1</translation>
    </message>
    <message>
        <source>The request was canceled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>Postern::SessionStore</name>
    <message>
        <source>%1 could not be read (%2); %3</source>
        <translation>%1 konnte nicht gelesen werden (%2); %3</translation>
    </message>
    <message>
        <source>%1 could not be read (%2); it was kept as %3.</source>
        <translation>%1 konnte nicht gelesen werden (%2); die Datei wurde als %3 aufbewahrt.</translation>
    </message>
    <message>
        <source>it is not a Postern session</source>
        <translation>es ist keine Postern-Sitzung</translation>
    </message>
    <message>
        <source>The tabs open before are listed nowhere else; their drafts are kept in %1.</source>
        <translation>Die zuvor geöffneten Tabs sind nirgends sonst aufgeführt; ihre Entwürfe bleiben in %1 erhalten.</translation>
    </message>
    <message>
        <source>A tab has an unusable id.</source>
        <translation>Ein Tab hat eine unbrauchbare ID.</translation>
    </message>
    <message>
        <source>it is not a Postern draft</source>
        <translation>es ist kein Postern-Entwurf</translation>
    </message>
    <message>
        <source>A draft: %1</source>
        <translation>Ein Entwurf: %1</translation>
    </message>
</context>
<context>
    <name>Postern::ShellWords</name>
    <message>
        <source>The quote $&apos;…&apos; on line %1 holds a NUL character, which no command line can carry.</source>
        <translation>Die Quotierung $&apos;…&apos; in Zeile %1 enthält ein NUL-Zeichen, das keine Befehlszeile transportieren kann.</translation>
    </message>
    <message>
        <source>The quote $&apos;…&apos; opened on line %1 is never closed.</source>
        <translation>Die in Zeile %1 geöffnete Quotierung $&apos;…&apos; wird nie geschlossen.</translation>
    </message>
    <message>
        <source>The text contains a NUL character (at position %1), which no command line can carry.</source>
        <translation>Der Text enthält ein NUL-Zeichen (an Position %1), das keine Befehlszeile transportieren kann.</translation>
    </message>
    <message>
        <source>A single quote opened on line %1 is never closed.</source>
        <translation>Ein in Zeile %1 geöffnetes einfaches Anführungszeichen wird nie geschlossen.</translation>
    </message>
    <message>
        <source>A double quote opened on line %1 is never closed.</source>
        <translation>Ein in Zeile %1 geöffnetes doppeltes Anführungszeichen wird nie geschlossen.</translation>
    </message>
    <message>
        <source>A “${” opened on line %1 is never closed.</source>
        <translation>Ein in Zeile %1 geöffnetes „${“ wird nie geschlossen.</translation>
    </message>
    <message>
        <source>A “$(” opened on line %1 is never closed.</source>
        <translation>Ein in Zeile %1 geöffnetes „$(“ wird nie geschlossen.</translation>
    </message>
    <message>
        <source>A backquote opened on line %1 is never closed.</source>
        <translation>Ein in Zeile %1 geöffneter Backquote wird nie geschlossen.</translation>
    </message>
</context>
<context>
    <name>Postern::Sidebar</name>
    <message>
        <source>Sidebar</source>
        <translation>Seitenleiste</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>New collection</source>
        <translation>Neue Sammlung</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>Import a Postman or Postern file</source>
        <translation>Eine Postman- oder Postern-Datei importieren</translation>
    </message>
    <message>
        <source>Import a Postman collection or environment, a Postern file or a curl command (Ctrl+O)</source>
        <translation>Eine Postman-Sammlung oder -Umgebung, eine Postern-Datei oder einen curl-Befehl importieren (Strg+O)</translation>
    </message>
    <message>
        <source>C&amp;ollections</source>
        <translation>&amp;Sammlungen</translation>
    </message>
    <message>
        <source>Histor&amp;y</source>
        <translation>&amp;Verlauf</translation>
    </message>
</context>
<context>
    <name>Postern::SigningKey</name>
    <message>
        <source>The private key file %1 cannot be read: %2.</source>
        <translation>Die Datei des privaten Schlüssels %1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>no file is named</source>
        <translation>es ist keine Datei angegeben</translation>
    </message>
    <message>
        <source>The private key file %1 is larger than a key file can be.</source>
        <translation>Die Datei des privaten Schlüssels %1 ist größer, als eine Schlüsseldatei sein kann.</translation>
    </message>
    <message>
        <source>The private key file %1 is neither PEM nor PKCS#12.</source>
        <translation>Die Datei des privaten Schlüssels %1 ist weder PEM noch PKCS#12.</translation>
    </message>
    <message>
        <source>No private key could be read from %1: it may need a passphrase, or hold no private key.</source>
        <translation>Aus %1 konnte kein privater Schlüssel gelesen werden: Möglicherweise ist eine Passphrase nötig, oder die Datei enthält keinen privaten Schlüssel.</translation>
    </message>
    <message>
        <source>No private key could be read from %1: the passphrase is wrong, or the file holds no private key.</source>
        <translation>Aus %1 konnte kein privater Schlüssel gelesen werden: Die Passphrase ist falsch, oder die Datei enthält keinen privaten Schlüssel.</translation>
    </message>
    <message>
        <source>There is no key to sign with.</source>
        <translation>Es gibt keinen Schlüssel zum Signieren.</translation>
    </message>
    <message>
        <source>The key is neither RSA nor EC on the P-256 curve: it cannot sign RS256, PS256 or ES256.</source>
        <translation>Der Schlüssel ist weder RSA noch EC auf der Kurve P-256: Er kann nicht mit RS256, PS256 oder ES256 signieren.</translation>
    </message>
    <message>
        <source>%1 is not an algorithm Postern signs with (RS256, PS256, ES256).</source>
        <translation>%1 ist kein Algorithmus, mit dem Postern signiert (RS256, PS256, ES256).</translation>
    </message>
    <message>
        <source>%1 needs an EC P-256 key; the key file holds another kind.</source>
        <translation>%1 benötigt einen EC-P-256-Schlüssel; die Schlüsseldatei enthält eine andere Art.</translation>
    </message>
    <message>
        <source>%1 needs an RSA key; the key file holds another kind.</source>
        <translation>%1 benötigt einen RSA-Schlüssel; die Schlüsseldatei enthält eine andere Art.</translation>
    </message>
    <message>
        <source>The RSA key has %1 bits; RFC 7518 §3.3 asks for 2048 or more.</source>
        <translation>Der RSA-Schlüssel hat %1 Bit; RFC 7518 §3.3 verlangt 2048 oder mehr.</translation>
    </message>
    <message>
        <source>The key cannot sign with %1.</source>
        <translation>Der Schlüssel kann nicht mit %1 signieren.</translation>
    </message>
    <message>
        <source>The key cannot sign with PS256.</source>
        <translation>Der Schlüssel kann nicht mit PS256 signieren.</translation>
    </message>
    <message>
        <source>Signing with %1 failed.</source>
        <translation>Das Signieren mit %1 ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The private key file %1 cannot be read here: %2.</source>
        <translation>Die Datei mit dem privaten Schlüssel %1 kann hier nicht gelesen werden: %2.</translation>
    </message>
</context>
<context>
    <name>Postern::StateFile</name>
    <message>
        <source>%1 could not be read (%2). This session&apos;s %3 will not be saved.</source>
        <translation>%1 konnte nicht gelesen werden (%2). Änderungen aus dieser Sitzung (%3) werden nicht gespeichert.</translation>
    </message>
    <message>
        <source>it is not a Postern %1</source>
        <translation>sie ist keine %1 von Postern</translation>
    </message>
    <message>
        <source>The %1 %2 could not be used (%3) and could not be moved aside (%4). This session&apos;s %5 will not be saved, so that the file is not lost.</source>
        <translation>Die %1 %2 konnte nicht verwendet werden (%3) und nicht beiseitegelegt werden (%4). Änderungen aus dieser Sitzung (%5) werden nicht gespeichert, damit die Datei nicht verloren geht.</translation>
    </message>
    <message>
        <source>The %1 %2 could not be used (%3). It was kept as %4 and %5.</source>
        <translation>Die %1 %2 konnte nicht verwendet werden (%3). Sie wurde als %4 aufbewahrt; %5.</translation>
    </message>
    <message>
        <source>%1 not saved this session: %2</source>
        <translation>%1 in dieser Sitzung nicht gespeichert: %2</translation>
    </message>
</context>
<context>
    <name>Postern::TestResultsView</name>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <source>Show tests</source>
        <translation>Tests anzeigen</translation>
    </message>
    <message>
        <source>Test results</source>
        <translation>Testergebnisse</translation>
    </message>
    <message>
        <source>No tests</source>
        <translation>Keine Tests</translation>
    </message>
    <message>
        <source>%1 of %2 tests passed</source>
        <translation>%1 von %2 Tests bestanden</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 skipped</source>
        <translation>%1 übersprungen</translation>
    </message>
    <message>
        <source>1 script error</source>
        <translation>1 Skriptfehler</translation>
    </message>
    <message>
        <source>%1 script errors</source>
        <translation>%1 Skriptfehler</translation>
    </message>
    <message>
        <source>, </source>
        <extracomment>Between the parts of the test summary: &quot;3 of 5 tests passed, 2 failed, 1 skipped&quot;.</extracomment>
        <translation>, </translation>
    </message>
    <message>
        <source>Test Resu&amp;lts</source>
        <translation>&amp;Testergebnisse</translation>
    </message>
    <message>
        <source>Test Resu&amp;lts (%1/%2)</source>
        <translation>&amp;Testergebnisse (%1/%2)</translation>
    </message>
    <message>
        <source>Error — %1</source>
        <translation>Fehler — %1</translation>
    </message>
    <message>
        <source>Pass — %1</source>
        <translation>Bestanden — %1</translation>
    </message>
    <message>
        <source>Fail — %1: %2</source>
        <translation>Fehlgeschlagen — %1: %2</translation>
    </message>
    <message>
        <source>Skipped — %1</source>
        <translation>Übersprungen — %1</translation>
    </message>
    <message>
        <source>Test summary</source>
        <translation>Testzusammenfassung</translation>
    </message>
</context>
<context>
    <name>Postern::TextFinder</name>
    <message>
        <source>%1 at %2</source>
        <translation>%1 an Position %2</translation>
    </message>
</context>
<context>
    <name>Postern::TimeLimitedSecretStore</name>
    <message>
        <source>%1 did not answer within %2 s</source>
        <translation>Keine Antwort von %1 innerhalb von %2 s</translation>
    </message>
</context>
<context>
    <name>Postern::TimingView</name>
    <message>
        <source>No timing: the request was not sent.</source>
        <translation>Keine Zeitmessung: Die Anfrage wurde nicht gesendet.</translation>
    </message>
    <message>
        <source>Timing of the phases</source>
        <translation>Zeitmessung der Phasen</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>What it covers</source>
        <translation>Was sie umfasst</translation>
    </message>
    <message>
        <source>Connection: reused (kept open from an earlier request).</source>
        <translation>Verbindung: wiederverwendet (von einer früheren Anfrage offen gehalten).</translation>
    </message>
    <message>
        <source>Connection: new, TLS.</source>
        <translation>Verbindung: neu, TLS.</translation>
    </message>
    <message>
        <source>Connection: new.</source>
        <translation>Verbindung: neu.</translation>
    </message>
    <message>
        <source>Qt does not report the DNS lookup or the TCP handshake apart: they are in Connect.</source>
        <translation>Qt meldet die DNS-Auflösung und den TCP-Handshake nicht getrennt; sie sind in „Verbindung“ enthalten.</translation>
    </message>
    <message>
        <source>Connection: not reported.</source>
        <translation>Verbindung: nicht gemeldet.</translation>
    </message>
    <message>
        <source>1 redirect.</source>
        <translation>1 Weiterleitung.</translation>
    </message>
    <message>
        <source>%1 redirects.</source>
        <translation>%1 Weiterleitungen.</translation>
    </message>
    <message>
        <source>Times are taken when Qt tells the window, so a busy window makes them longer.</source>
        <translation>Die Zeiten werden erfasst, wenn Qt das Fenster benachrichtigt; ein ausgelastetes Fenster verlängert sie daher.</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>nicht gemeldet</translation>
    </message>
    <message>
        <source>from %1 to %2 ms</source>
        <translation>von %1 bis %2 ms</translation>
    </message>
</context>
<context>
    <name>Postern::TokenEndpointClient</name>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 ist leer.</translation>
    </message>
    <message>
        <source>%1 is not an absolute http or https URL.</source>
        <translation>%1 ist keine absolute http- oder https-URL.</translation>
    </message>
    <message>
        <source>%1 must not contain a fragment (#…).</source>
        <translation>%1 darf kein Fragment (#…) enthalten.</translation>
    </message>
    <message>
        <source>Access Token URL</source>
        <translation>Zugriffstoken-URL</translation>
    </message>
    <message>
        <source>Client ID is empty.</source>
        <translation>Die Client-ID ist leer.</translation>
    </message>
    <message>
        <source>Username is empty.</source>
        <translation>Der Benutzername ist leer.</translation>
    </message>
    <message>
        <source>Device Authorization URL</source>
        <translation>Geräteautorisierungs-URL</translation>
    </message>
    <message>
        <source>Introspection URL</source>
        <translation>Introspektions-URL</translation>
    </message>
    <message>
        <source>The token holds no access token.</source>
        <translation>Das Token enthält kein Zugriffstoken.</translation>
    </message>
    <message>
        <source>PAR Endpoint URL</source>
        <translation>PAR-Endpunkt-URL</translation>
    </message>
    <message>
        <source>There is no device code.</source>
        <translation>Es gibt keinen Gerätecode.</translation>
    </message>
    <message>
        <source>Refresh Token URL</source>
        <translation>Aktualisierungstoken-URL</translation>
    </message>
    <message>
        <source>This token has no refresh token; get a new token instead.</source>
        <translation>Dieses Token hat kein Aktualisierungstoken; fordern Sie stattdessen ein neues Token an.</translation>
    </message>
    <message>
        <source>Revocation URL</source>
        <translation>Widerrufs-URL</translation>
    </message>
    <message>
        <source>The token holds nothing to revoke.</source>
        <translation>Das Token enthält nichts, was widerrufen werden könnte.</translation>
    </message>
    <message>
        <source>No network access manager was given.</source>
        <translation>Es wurde kein Network Access Manager übergeben.</translation>
    </message>
    <message>
        <source>The token&apos;s DPoP key cannot be read; get a new token.</source>
        <translation>Der DPoP-Schlüssel des Tokens kann nicht gelesen werden; fordern Sie ein neues Token an.</translation>
    </message>
    <message>
        <source>No key pair could be made for DPoP.</source>
        <translation>Für DPoP konnte kein Schlüsselpaar erzeugt werden.</translation>
    </message>
</context>
<context>
    <name>Postern::TokenEndpointJob</name>
    <message>
        <source>revocation endpoint</source>
        <translation>Widerrufsendpunkt</translation>
    </message>
    <message>
        <source>device authorization endpoint</source>
        <translation>Geräteautorisierungsendpunkt</translation>
    </message>
    <message>
        <source>PAR endpoint</source>
        <translation>PAR-Endpunkt</translation>
    </message>
    <message>
        <source>introspection endpoint</source>
        <translation>Introspektionsendpunkt</translation>
    </message>
    <message>
        <source>token endpoint</source>
        <translation>Token-Endpunkt</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>The user name or password was refused.</source>
        <translation>Der Benutzername oder das Passwort wurde abgelehnt.</translation>
    </message>
    <message>
        <source>The refresh token was refused (expired, revoked or already used): sign in again to get a new token.</source>
        <translation>Das Aktualisierungstoken wurde abgelehnt (abgelaufen, widerrufen oder bereits verwendet): Melden Sie sich erneut an, um ein neues Token zu erhalten.</translation>
    </message>
    <message>
        <source>The device code was refused (unknown, or already used): get a new code.</source>
        <translation>Der Gerätecode wurde abgelehnt (unbekannt oder bereits verwendet): Fordern Sie einen neuen Code an.</translation>
    </message>
    <message>
        <source>The assertion was refused: check the key the server knows, the issuer, subject and audience, and the clocks (an assertion lives five minutes).</source>
        <translation>Die Assertion wurde abgelehnt: Prüfen Sie den Schlüssel, den der Server kennt, Aussteller, Subject und Audience sowie die Uhren (eine Assertion ist fünf Minuten gültig).</translation>
    </message>
    <message>
        <source>The grant was refused. A server that binds tokens to a client certificate (RFC 8705) refuses a request that presents none: check that one is set for its host.</source>
        <translation>Der Grant wurde abgelehnt. Ein Server, der Token an ein Client-Zertifikat bindet (RFC 8705), lehnt eine Anfrage ohne Zertifikat ab: Prüfen Sie, ob für seinen Host eines eingerichtet ist.</translation>
    </message>
    <message>
        <source>The grant was refused.</source>
        <translation>Der Grant wurde abgelehnt.</translation>
    </message>
    <message>
        <source>No network access manager was given.</source>
        <translation>Es wurde kein Network Access Manager übergeben.</translation>
    </message>
    <message>
        <source>No DPoP proof could be made: %1</source>
        <translation>Es konnte kein DPoP-Nachweis erstellt werden: %1</translation>
    </message>
    <message>
        <source>The request to the %1 was canceled.</source>
        <translation>Die Anfrage an den %1 wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The request to the %1 was canceled. No token was stored.</source>
        <translation>Die Anfrage an den %1 wurde abgebrochen. Es wurde kein Token gespeichert.</translation>
    </message>
    <message>
        <source>The %1 redirected the request to another server (%2). Postern does not follow it, so that the credentials are not sent there. Check the URL.</source>
        <translation>Der %1 hat die Anfrage an einen anderen Server weitergeleitet (%2). Postern folgt der Weiterleitung nicht, damit die Zugangsdaten nicht dorthin gesendet werden. Prüfen Sie die URL.</translation>
    </message>
    <message>
        <source>The %1&apos;s answer is larger than 1 MiB; it is not a token response.</source>
        <translation>Die Antwort vom %1 ist größer als 1 MiB; sie ist keine Token-Antwort.</translation>
    </message>
    <message>
        <source>Could not reach the %1 %2: %3</source>
        <translation>Der %1 %2 ist nicht erreichbar: %3</translation>
    </message>
    <message>
        <source>The %1 did not answer within %2.</source>
        <translation>Der %1 hat nicht innerhalb von %2 geantwortet.</translation>
    </message>
    <message>
        <source>The %1 did not answer within %2. No token was stored.</source>
        <translation>Der %1 hat nicht innerhalb von %2 geantwortet. Es wurde kein Token gespeichert.</translation>
    </message>
    <message>
        <source>The token endpoint answered invalid_grant (HTTP %1)%2. %3</source>
        <translation>Der Token-Endpunkt hat mit invalid_grant geantwortet (HTTP %1)%2. %3</translation>
    </message>
    <message>
        <source>The token was revoked at %1.</source>
        <translation>Das Token wurde bei %1 widerrufen.</translation>
    </message>
    <message>
        <source>The server may still accept the token until it expires.</source>
        <translation>Der Server akzeptiert das Token möglicherweise noch, bis es abläuft.</translation>
    </message>
    <message>
        <source>The revocation endpoint answered %1 (HTTP %2)%3. %4</source>
        <translation>Der Widerrufsendpunkt hat mit %1 geantwortet (HTTP %2)%3. %4</translation>
    </message>
    <message>
        <source>The revocation endpoint answered HTTP %1 with an HTML page. %2 Check the revocation URL.</source>
        <translation>Der Widerrufsendpunkt hat mit HTTP %1 und einer HTML-Seite geantwortet. %2 Prüfen Sie die Widerrufs-URL.</translation>
    </message>
    <message>
        <source>The revocation endpoint answered HTTP %1. %2 Check the revocation URL.</source>
        <translation>Der Widerrufsendpunkt hat mit HTTP %1 geantwortet. %2 Prüfen Sie die Widerrufs-URL.</translation>
    </message>
    <message>
        <source>The %1 answered %2 (HTTP %3)%4.</source>
        <translation>Der %1 hat mit %2 geantwortet (HTTP %3)%4.</translation>
    </message>
    <message>
        <source>The %1 answered HTTP %2 with an HTML page, not %3. Check the %4.</source>
        <translation>Der %1 hat mit HTTP %2 und einer HTML-Seite geantwortet statt mit %3. Prüfen Sie die %4.</translation>
    </message>
    <message>
        <source>The %1 answered HTTP %2, not %3. Check the %4.</source>
        <translation>Der %1 hat mit HTTP %2 geantwortet, nicht mit %3. Prüfen Sie die %4.</translation>
    </message>
    <message>
        <source>The %1 answered HTTP %2 with something that is not JSON, not %3. Check the %4.</source>
        <translation>Der %1 hat mit HTTP %2 und etwas geantwortet, das kein JSON ist, statt mit %3. Prüfen Sie die %4.</translation>
    </message>
    <message>
        <source>whether the token is active</source>
        <translation>der Angabe, ob das Token aktiv ist</translation>
    </message>
    <message>
        <source>a request URI</source>
        <translation>einer Request-URI</translation>
    </message>
    <message>
        <source>a device code</source>
        <translation>einem Gerätecode</translation>
    </message>
    <message>
        <source>Introspection URL</source>
        <translation>Introspektions-URL</translation>
    </message>
    <message>
        <source>PAR Endpoint URL</source>
        <translation>PAR-Endpunkt-URL</translation>
    </message>
    <message>
        <source>Device Authorization URL</source>
        <translation>Geräteautorisierungs-URL</translation>
    </message>
</context>
<context>
    <name>Postern::TokenRefresher</name>
    <message>
        <source>The token is no longer stored.</source>
        <translation>Das Token ist nicht mehr gespeichert.</translation>
    </message>
    <message>
        <source>The token “%1” was obtained with another OAuth 2.0 configuration (%2); it is not refreshed with this one. Open Get New Access Token with the form it came from, or get a new token.</source>
        <translation>Das Token „%1“ wurde mit einer anderen OAuth-2.0-Konfiguration (%2) abgerufen; es wird nicht mit dieser aktualisiert. Öffnen Sie „Neues Zugriffstoken anfordern“ mit dem Formular, aus dem es stammt, oder fordern Sie ein neues Token an.</translation>
    </message>
    <message>
        <source>The token “%1” has expired and has no refresh token: get a new one.</source>
        <translation>Das Token „%1“ ist abgelaufen und hat kein Aktualisierungstoken: Fordern Sie ein neues an.</translation>
    </message>
    <message>
        <source>The refreshed token could not be stored: %1</source>
        <translation>Das aktualisierte Token konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The server refused the refresh token (invalid_grant). The token is marked expired: sign in again with Get New Access Token.</source>
        <translation>Der Server hat das Aktualisierungstoken abgelehnt (invalid_grant). Das Token ist als abgelaufen markiert: Melden Sie sich mit „Neues Zugriffstoken anfordern“ erneut an.</translation>
    </message>
</context>
<context>
    <name>Postern::TokenRequest</name>
    <message>
        <source>Username is empty.</source>
        <translation>Der Benutzername ist leer.</translation>
    </message>
    <message>
        <source>This grant needs the token endpoint client, which is not available here.</source>
        <translation>Dieser Grant benötigt den Token-Endpunkt-Client, der hier nicht verfügbar ist.</translation>
    </message>
    <message>
        <source>The browser could not be started: %1</source>
        <translation>Der Browser konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1 Minute</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>%1 Minuten</translation>
    </message>
    <message>
        <source>%1 seconds</source>
        <translation>%1 Sekunden</translation>
    </message>
    <message>
        <source>No answer came back from the browser within %1. No token was stored.</source>
        <translation>Innerhalb von %1 kam keine Antwort vom Browser zurück. Es wurde kein Token gespeichert.</translation>
    </message>
</context>
<context>
    <name>Postern::TokenStore</name>
    <message>
        <source>token %1</source>
        <translation>Token %1</translation>
    </message>
    <message>
        <source>token “%1” (%2)</source>
        <translation>Token „%1“ (%2)</translation>
    </message>
    <message>
        <source>No keychain answered (%1): tokens are kept in memory until Postern quits. Turn on the encrypted-file fallback in Settings to keep them.</source>
        <translation>Kein Schlüsselbund hat geantwortet (%1): Token werden im Arbeitsspeicher gehalten, bis Postern beendet wird. Aktivieren Sie in den Einstellungen die Ausweichlösung mit verschlüsselter Datei, um sie zu behalten.</translation>
    </message>
    <message>
        <source>Token storage is not open yet: tokens are kept in memory.</source>
        <translation>Der Token-Speicher ist noch nicht geöffnet: Token werden im Arbeitsspeicher gehalten.</translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation>kein gültiges JSON: %1</translation>
    </message>
    <message>
        <source>not a Postern token list</source>
        <translation>keine Postern-Tokenliste</translation>
    </message>
    <message>
        <source>unknown version %1</source>
        <translation>unbekannte Version %1</translation>
    </message>
    <message>
        <source>an entry without an id, or a repeated id</source>
        <translation>ein Eintrag ohne ID oder mit doppelter ID</translation>
    </message>
    <message>
        <source>The token list %1 is damaged (%2) and could not be moved aside: %3 Postern starts with no saved tokens.</source>
        <translation>Die Tokenliste %1 ist beschädigt (%2) und konnte nicht beiseitegelegt werden: %3 Postern startet ohne gespeicherte Token.</translation>
    </message>
    <message>
        <source>The token list %1 was damaged (%2). It was moved to %3 and Postern starts with no saved tokens.</source>
        <translation>Die Tokenliste %1 war beschädigt (%2). Sie wurde nach %3 verschoben, und Postern startet ohne gespeicherte Token.</translation>
    </message>
    <message>
        <source>The secret of %1 in %2 is unreadable; the token was removed.</source>
        <translation>Das Geheimnis für das %1 in %2 ist nicht lesbar; das Token wurde entfernt.</translation>
    </message>
    <message>
        <source>The secret of %1 is no longer in %2; the token was removed.</source>
        <translation>Das Geheimnis für das %1 ist nicht mehr in %2; das Token wurde entfernt.</translation>
    </message>
    <message>
        <source>The secret of %1 could not be read from %2 (%3); the token is kept for later but cannot be used now.</source>
        <translation>Das Geheimnis für das %1 konnte nicht aus %2 gelesen werden (%3); das Token wird für später aufbewahrt, kann aber jetzt nicht verwendet werden.</translation>
    </message>
    <message>
        <source>A token without an id or access token cannot be stored.</source>
        <translation>Ein Token ohne ID oder Zugriffstoken kann nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>The %1 is stored already.</source>
        <translation>Das %1 ist bereits gespeichert.</translation>
    </message>
    <message>
        <source>Could not keep the %1 in %2: %3</source>
        <translation>Das %1 konnte nicht in %2 aufbewahrt werden: %3</translation>
    </message>
    <message>
        <source>Could not save the %1: %2</source>
        <translation>Das %1 konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>There is no %1 to update.</source>
        <translation>Es gibt kein %1 zum Aktualisieren.</translation>
    </message>
    <message>
        <source>Could not keep the new secrets of the %1 in %2: %3</source>
        <translation>Die neuen Geheimnisse für das %1 konnten nicht in %2 aufbewahrt werden: %3</translation>
    </message>
    <message>
        <source>There is no token %1.</source>
        <translation>Es gibt kein Token %1.</translation>
    </message>
    <message>
        <source>Could not remove the secret of token %1 from %2: %3</source>
        <translation>Das Geheimnis von Token %1 konnte nicht aus %2 entfernt werden: %3</translation>
    </message>
    <message>
        <source>Tokens are kept in %1.</source>
        <translation>Token werden in %1 aufbewahrt.</translation>
    </message>
    <message>
        <source>Tokens are kept in memory until Postern quits.</source>
        <translation>Token werden im Arbeitsspeicher gehalten, bis Postern beendet wird.</translation>
    </message>
</context>
<context>
    <name>Postern::TokensDialog</name>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>No expiry given</source>
        <translation>Kein Ablauf angegeben</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Expires in %1 days</source>
        <translation>Läuft ab in %1 Tagen</translation>
    </message>
    <message>
        <source>Expires in %1 h %2 min</source>
        <translation>Läuft ab in %1 h %2 min</translation>
    </message>
    <message>
        <source>Expires in %1:%2</source>
        <translation>Läuft ab in %1:%2</translation>
    </message>
    <message>
        <source>Manage Access Tokens</source>
        <translation>Zugriffstoken verwalten</translation>
    </message>
    <message>
        <source>E&amp;xisting Tokens</source>
        <translation>Vor&amp;handene Token</translation>
    </message>
    <message>
        <source>Existing tokens</source>
        <translation>Vorhandene Token</translation>
    </message>
    <message>
        <source>No tokens yet. Use Get New Access Token.</source>
        <translation>Noch keine Token. Verwenden Sie „Neues Zugriffstoken anfordern“.</translation>
    </message>
    <message>
        <source>Token Name</source>
        <translation>Token-Name</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <source>Where the token was obtained: the origin of its token URL (of its auth URL for the implicit grant). It is sent only to requests whose OAuth 2.0 settings point there.</source>
        <translation>Wo das Token bezogen wurde: der Ursprung seiner Token-URL (beim Implicit-Grant seiner Autorisierungs-URL). Es wird nur an Anfragen gesendet, deren OAuth-2.0-Einstellungen dorthin zeigen.</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Zugriffstoken</translation>
    </message>
    <message>
        <source>Token Type</source>
        <translation>Token-Typ</translation>
    </message>
    <message>
        <source>Bound to</source>
        <translation>Gebunden an</translation>
    </message>
    <message>
        <source>A DPoP-bound token (RFC 9449) is sent with a proof signed by the key Postern made for it; without the key it is useless to anyone who copies it.</source>
        <translation>Ein an DPoP gebundenes Token (RFC 9449) wird mit einem Nachweis gesendet, der mit dem Schlüssel signiert ist, den Postern dafür erzeugt hat; ohne den Schlüssel ist es für jeden nutzlos, der es kopiert.</translation>
    </message>
    <message>
        <source>Expires in</source>
        <translation>Läuft ab in</translation>
    </message>
    <message>
        <source>Expires at</source>
        <translation>Läuft ab am</translation>
    </message>
    <message>
        <source>Obtained at</source>
        <translation>Bezogen am</translation>
    </message>
    <message>
        <source>Refresh token</source>
        <translation>Aktualisierungstoken</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Other fields</source>
        <translation>Weitere Felder</translation>
    </message>
    <message>
        <source>Other fields of the token response</source>
        <translation>Weitere Felder der Token-Antwort</translation>
    </message>
    <message>
        <source>Decoded</source>
        <translation>Dekodiert</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Aktualisie&amp;ren</translation>
    </message>
    <message>
        <source>Refresh token</source>
        <comment>button: refresh the token</comment>
        <translation>Token aktualisieren</translation>
    </message>
    <message>
        <source>Re&amp;voke</source>
        <translation>&amp;Widerrufen</translation>
    </message>
    <message>
        <source>Revoke token</source>
        <translation>Token widerrufen</translation>
    </message>
    <message>
        <source>User&amp;Info</source>
        <translation>User&amp;Info</translation>
    </message>
    <message>
        <source>Show who the token is for (UserInfo)</source>
        <translation>Anzeigen, für wen das Token gilt (UserInfo)</translation>
    </message>
    <message>
        <source>Is It Ac&amp;tive?</source>
        <translation>Ist es ak&amp;tiv?</translation>
    </message>
    <message>
        <source>Ask the server whether the token is active</source>
        <translation>Den Server fragen, ob das Token aktiv ist</translation>
    </message>
    <message>
        <source>Si&amp;gn Out</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <source>Sign out at the server (OpenID Connect RP-Initiated Logout)</source>
        <translation>Beim Server abmelden (OpenID Connect RP-Initiated Logout)</translation>
    </message>
    <message>
        <source>Delete &amp;Expired</source>
        <translation>&amp;Abgelaufene löschen</translation>
    </message>
    <message>
        <source>Delete expired tokens</source>
        <translation>Abgelaufene Token löschen</translation>
    </message>
    <message>
        <source>Delete &amp;All</source>
        <translation>A&amp;lle löschen</translation>
    </message>
    <message>
        <source>Delete all tokens</source>
        <translation>Alle Token löschen</translation>
    </message>
    <message>
        <source>&amp;Use Token</source>
        <translation>Token &amp;verwenden</translation>
    </message>
    <message>
        <source>Use Token</source>
        <translation>Token verwenden</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>Lö&amp;schen</translation>
    </message>
    <message>
        <source>Delete token</source>
        <translation>Token löschen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>A&amp;nzeigen</translation>
    </message>
    <message>
        <source>Sho&amp;w</source>
        <translation>An&amp;zeigen</translation>
    </message>
    <message>
        <source>Show access token</source>
        <translation>Zugriffstoken anzeigen</translation>
    </message>
    <message>
        <source>Show refresh token</source>
        <translation>Aktualisierungstoken anzeigen</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation>Ko&amp;pieren</translation>
    </message>
    <message>
        <source>Copy access token</source>
        <translation>Zugriffstoken kopieren</translation>
    </message>
    <message>
        <source>Copy refresh token</source>
        <translation>Aktualisierungstoken kopieren</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>widerrufen</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>gültig</translation>
    </message>
    <message>
        <source>instance unknown</source>
        <translation>unbekannte Instanz</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(unbenannt)</translation>
    </message>
    <message>
        <source>%1, obtained %2, %3, from %4</source>
        <translation>%1, bezogen %2, %3, Herkunft: %4</translation>
    </message>
    <message>
        <source>Nothing: a bearer token, usable by whoever holds it</source>
        <translation>Nichts: ein Bearer-Token, nutzbar für jeden, der es besitzt</translation>
    </message>
    <message>
        <source>A DPoP key (RFC 9449)
thumbprint %1</source>
        <translation>Ein DPoP-Schlüssel (RFC 9449)
Fingerabdruck %1</translation>
    </message>
    <message>
        <source>the token&apos;s cnf.jkt names this key</source>
        <translation>cnf.jkt des Tokens nennt diesen Schlüssel</translation>
    </message>
    <message>
        <source>the token&apos;s cnf.jkt names another key (%1)</source>
        <translation>cnf.jkt des Tokens nennt einen anderen Schlüssel (%1)</translation>
    </message>
    <message>
        <source>This token was revoked; Postern does not use it.</source>
        <translation>Dieses Token wurde widerrufen; Postern verwendet es nicht.</translation>
    </message>
    <message>
        <source>This token has no refresh token.</source>
        <translation>Dieses Token hat kein Aktualisierungstoken.</translation>
    </message>
    <message>
        <source>Unknown (obtained before Postern recorded it)</source>
        <translation>Unbekannt (bezogen, bevor Postern dies aufgezeichnet hat)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keines)</translation>
    </message>
    <message>
        <source>•••• (%1 characters, hidden)</source>
        <translation>•••• (%1 Zeichen, ausgeblendet)</translation>
    </message>
    <message>
        <source>Delete every expired or revoked token from Postern?</source>
        <translation>Alle abgelaufenen oder widerrufenen Token aus Postern löschen?</translation>
    </message>
    <message>
        <source>Delete every token from Postern? They are not revoked at the servers.</source>
        <translation>Alle Token aus Postern löschen? Sie werden bei den Servern nicht widerrufen.</translation>
    </message>
    <message>
        <source>Delete Expired Tokens</source>
        <translation>Abgelaufene Token löschen</translation>
    </message>
    <message>
        <source>Delete All Tokens</source>
        <translation>Alle Token löschen</translation>
    </message>
    <message>
        <source>Delete the revoked token “%1” from Postern?</source>
        <translation>Das widerrufene Token „%1“ aus Postern löschen?</translation>
    </message>
    <message>
        <source>Delete the token “%1” from Postern? It is not revoked at the server.</source>
        <translation>Das Token „%1“ aus Postern löschen? Es wird beim Server nicht widerrufen.</translation>
    </message>
    <message>
        <source>Delete Token</source>
        <translation>Token löschen</translation>
    </message>
    <message>
        <source>Signed out at the server. The token itself stays as it is: Revoke ends it.</source>
        <translation>Beim Server abgemeldet. Das Token selbst bleibt unverändert: „Widerrufen“ beendet es.</translation>
    </message>
    <message>
        <source>Signed out at %1. The token itself stays as it is: Revoke ends it.</source>
        <translation>Bei %1 abgemeldet. Das Token selbst bleibt unverändert: „Widerrufen“ beendet es.</translation>
    </message>
    <message>
        <source>The sign-out window was closed before the server confirmed it.</source>
        <translation>Das Abmeldefenster wurde geschlossen, bevor der Server die Abmeldung bestätigt hat.</translation>
    </message>
    <message>
        <source>Signing out at the server: confirm in the window that opened.</source>
        <translation>Abmeldung beim Server: Bestätigen Sie im geöffneten Fenster.</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Wird aktualisiert…</translation>
    </message>
    <message>
        <source>Refreshed: the token is good until %1.</source>
        <translation>Aktualisiert: Das Token ist gültig bis %1.</translation>
    </message>
    <message>
        <source>Refreshed: the token is good until further notice.</source>
        <translation>Aktualisiert: Das Token ist bis auf Weiteres gültig.</translation>
    </message>
    <message>
        <source>This token was obtained with another OAuth 2.0 configuration (%1); it is not sent to this one&apos;s revoke URL. Delete it here, or revoke it from the form it came from.</source>
        <translation>Dieses Token wurde mit einer anderen OAuth-2.0-Konfiguration bezogen (%1); es wird nicht an die Widerrufs-URL dieser Konfiguration gesendet. Löschen Sie es hier, oder widerrufen Sie es über das Formular, aus dem es stammt.</translation>
    </message>
    <message>
        <source>No Revoke Token URL is set in Get New Access Token, so the server cannot be asked.</source>
        <translation>Unter „Neues Zugriffstoken anfordern“ ist keine Token-Widerrufs-URL festgelegt, daher kann der Server nicht gefragt werden.</translation>
    </message>
    <message>
        <source>Revoking…</source>
        <translation>Wird widerrufen…</translation>
    </message>
    <message>
        <source>Revoked at the server; Postern will not use it again.</source>
        <translation>Beim Server widerrufen; Postern verwendet es nicht mehr.</translation>
    </message>
    <message>
        <source>The server did not confirm the revocation (%1). The token is marked revoked here.</source>
        <translation>Der Server hat den Widerruf nicht bestätigt (%1). Das Token ist hier als widerrufen markiert.</translation>
    </message>
    <message>
        <source>This token was obtained with another OAuth 2.0 configuration (%1); it is not sent to this one&apos;s introspection endpoint.</source>
        <translation>Dieses Token wurde mit einer anderen OAuth-2.0-Konfiguration bezogen (%1); es wird nicht an den Introspektions-Endpunkt dieser Konfiguration gesendet.</translation>
    </message>
    <message>
        <source>The server&apos;s introspection endpoint is not known: Discover in Get New Access Token finds it (introspection_endpoint).</source>
        <translation>Der Introspektions-Endpunkt des Servers ist nicht bekannt: „Ermitteln“ unter „Neues Zugriffstoken anfordern“ findet ihn (introspection_endpoint).</translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation>Server wird gefragt…</translation>
    </message>
    <message>
        <source>Not active: the server no longer takes this token (expired, revoked, or unknown to it).</source>
        <translation>Nicht aktiv: Der Server akzeptiert dieses Token nicht mehr (abgelaufen, widerrufen oder ihm unbekannt).</translation>
    </message>
    <message>
        <source>scope %1</source>
        <translation>Scope %1</translation>
    </message>
    <message>
        <source>client %1</source>
        <translation>Client %1</translation>
    </message>
    <message>
        <source>subject %1</source>
        <translation>Subjekt %1</translation>
    </message>
    <message>
        <source>expires %1</source>
        <translation>gültig bis %1</translation>
    </message>
    <message>
        <source>Active at the server.</source>
        <translation>Beim Server aktiv.</translation>
    </message>
    <message>
        <source>Active at the server: %1.</source>
        <translation>Beim Server aktiv: %1.</translation>
    </message>
    <message>
        <source>The server&apos;s UserInfo endpoint is not known: Discover in Get New Access Token finds it (userinfo_endpoint).</source>
        <translation>Der UserInfo-Endpunkt des Servers ist nicht bekannt: „Ermitteln“ unter „Neues Zugriffstoken anfordern“ findet ihn (userinfo_endpoint).</translation>
    </message>
    <message>
        <source>Asking the server who the token is for…</source>
        <translation>Server wird gefragt, für wen das Token gilt…</translation>
    </message>
    <message>
        <source>UserInfo (signed, not verified here):
%1</source>
        <translation>UserInfo (signiert, hier nicht verifiziert):
%1</translation>
    </message>
    <message>
        <source>UserInfo:
%1</source>
        <translation>UserInfo:
%1</translation>
    </message>
</context>
<context>
    <name>Postern::UserInfoFetcher</name>
    <message>
        <source>The UserInfo endpoint refused the token (HTTP %1): it is expired, revoked, or lacks the openid scope.</source>
        <translation>Der UserInfo-Endpunkt hat das Token abgelehnt (HTTP %1): Es ist abgelaufen, widerrufen oder hat nicht den Scope openid.</translation>
    </message>
    <message>
        <source>The UserInfo endpoint answered HTTP %1.</source>
        <translation>Der UserInfo-Endpunkt hat mit HTTP %1 geantwortet.</translation>
    </message>
    <message>
        <source>The UserInfo endpoint&apos;s answer says it is a JWT but is not one (%1).</source>
        <translation>Die Antwort des UserInfo-Endpunkts gibt an, ein JWT zu sein, ist aber keins (%1).</translation>
    </message>
    <message>
        <source>The UserInfo endpoint answered with an HTML page, not the user&apos;s claims.</source>
        <translation>Der UserInfo-Endpunkt hat mit einer HTML-Seite geantwortet, nicht mit den Claims des Benutzers.</translation>
    </message>
    <message>
        <source>The UserInfo endpoint&apos;s answer is not a JSON object.</source>
        <translation>Die Antwort des UserInfo-Endpunkts ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>The UserInfo endpoint&apos;s answer has no “sub” (OpenID Connect Core §5.3.2).</source>
        <translation>Die Antwort des UserInfo-Endpunkts enthält kein „sub“ (OpenID Connect Core §5.3.2).</translation>
    </message>
    <message>
        <source>The UserInfo endpoint&apos;s answer is about another user (sub %1, the ID token says %2); it is not shown (OpenID Connect Core §5.3.2).</source>
        <translation>Die Antwort des UserInfo-Endpunkts betrifft einen anderen Benutzer (sub %1, das ID-Token nennt %2); sie wird nicht angezeigt (OpenID Connect Core §5.3.2).</translation>
    </message>
    <message>
        <source>The UserInfo endpoint did not answer within %1 s.</source>
        <translation>Der UserInfo-Endpunkt hat nicht innerhalb von %1 s geantwortet.</translation>
    </message>
    <message>
        <source>The UserInfo endpoint&apos;s answer is larger than 1 MiB; refused.</source>
        <translation>Die Antwort des UserInfo-Endpunkts ist größer als 1 MiB; abgelehnt.</translation>
    </message>
    <message>
        <source>The UserInfo endpoint could not be reached: %1</source>
        <translation>Der UserInfo-Endpunkt war nicht erreichbar: %1</translation>
    </message>
</context>
<context>
    <name>Postern::VariableHint</name>
    <message>
        <source>Resolves to: %1</source>
        <translation>Wird aufgelöst zu: %1</translation>
    </message>
    <message>
        <source>{{%1}} is not defined in the environment, the collection or the globals</source>
        <translation>{{%1}} ist weder in der Umgebung noch in der Sammlung oder den globalen Variablen definiert</translation>
    </message>
</context>
<context>
    <name>Postern::VariablesEditor</name>
    <message>
        <source>Variable name</source>
        <translation>Variablenname</translation>
    </message>
    <message>
        <source>Variable value</source>
        <translation>Variablenwert</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Geheim</translation>
    </message>
    <message>
        <source>Show secret &amp;values</source>
        <translation>Geheime &amp;Werte anzeigen</translation>
    </message>
    <message>
        <source>Show secret values</source>
        <translation>Geheime Werte anzeigen</translation>
    </message>
    <message>
        <source>A secret value is kept in the keychain, never in the workspace&apos;s files, and exported empty.</source>
        <translation>Ein geheimer Wert wird im Schlüsselbund aufbewahrt, nie in den Dateien des Arbeitsbereichs, und leer exportiert.</translation>
    </message>
    <message>
        <source>Not secret</source>
        <translation>Nicht geheim</translation>
    </message>
    <message>
        <source>Secret value, hidden</source>
        <translation>Geheimer Wert, verborgen</translation>
    </message>
</context>
<context>
    <name>Postern::Workspace</name>
    <message>
        <source>Could not delete %1.</source>
        <translation>%1 konnte nicht gelöscht werden.</translation>
    </message>
    <message>
        <source>The workspace folder %1 cannot be created.</source>
        <translation>Der Arbeitsbereichsordner %1 kann nicht erstellt werden.</translation>
    </message>
    <message>
        <source>it is not a Postern workspace manifest with an id</source>
        <translation>sie ist kein Postern-Arbeitsbereichsmanifest mit ID</translation>
    </message>
    <message>
        <source>workspace.json was written again with the workspace&apos;s id, which this machine kept, so that its secrets are found.</source>
        <translation>workspace.json wurde erneut mit der ID des Arbeitsbereichs geschrieben, die dieser Rechner aufbewahrt hat, damit seine Geheimnisse gefunden werden.</translation>
    </message>
    <message>
        <source>%1 could not be read (%2) and %3</source>
        <translation>%1 konnte nicht gelesen werden (%2): %3</translation>
    </message>
    <message>
        <source>%1 could not be read (%2). It was kept as %3; the rest of the workspace is open.</source>
        <translation>%1 konnte nicht gelesen werden (%2). Die Datei wurde als %3 aufbewahrt; der Rest des Arbeitsbereichs ist geöffnet.</translation>
    </message>
    <message>
        <source>It has the same id as another collection; it was given a new one.</source>
        <translation>Sie hat dieselbe ID wie eine andere Sammlung; sie hat eine neue erhalten.</translation>
    </message>
    <message>
        <source>An environment cannot have the id “%1”.</source>
        <translation>Eine Umgebung kann nicht die ID „%1“ haben.</translation>
    </message>
    <message>
        <source>the keychain</source>
        <translation>der Schlüsselbund</translation>
    </message>
    <message>
        <source>The secret values of a collection could not be read from %1: %2</source>
        <translation>Die geheimen Werte einer Sammlung konnten nicht gelesen werden (%1): %2</translation>
    </message>
    <message>
        <source>The secret values of an environment could not be read from %1: %2</source>
        <translation>Die geheimen Werte einer Umgebung konnten nicht gelesen werden (%1): %2</translation>
    </message>
    <message>
        <source>Secret values could not be saved in %1: %2</source>
        <translation>Geheime Werte konnten nicht gespeichert werden (%1): %2</translation>
    </message>
    <message>
        <source>Secret values could not be removed from %1: %2</source>
        <translation>Geheime Werte konnten nicht entfernt werden (%1): %2</translation>
    </message>
</context>
<context>
    <name>Postern::WorkspaceImport</name>
    <message>
        <source>Request “%1” names the file %2 as its binary body</source>
        <translation>Die Anfrage „%1“ nennt die Datei %2 als ihren binären Body</translation>
    </message>
    <message>
        <source>Request “%1” names the file %2 (form field “%3”)</source>
        <translation>Die Anfrage „%1“ nennt die Datei %2 (Formularfeld „%3“)</translation>
    </message>
    <message>
        <source>%1; it is in the working directory, so Send reads it.</source>
        <translation>%1; sie liegt im Arbeitsverzeichnis, daher liest „Senden“ sie.</translation>
    </message>
    <message>
        <source>%1 (not part of the body as it is now); it is in the working directory, so Send reads it.</source>
        <translation>%1 (nicht Teil des Bodys in seiner jetzigen Form); sie liegt im Arbeitsverzeichnis, daher liest „Senden“ sie.</translation>
    </message>
    <message>
        <source>%1; it is outside the working directory %2, so Send refuses it unless you copy it there or choose it with the file dialog.</source>
        <translation>%1; sie liegt außerhalb des Arbeitsverzeichnisses %2, daher verweigert „Senden“ sie, sofern Sie sie nicht dorthin kopieren oder im Dateidialog wählen.</translation>
    </message>
    <message>
        <source>%1 (not part of the body as it is now); it is outside the working directory %2, so Send refuses it unless you copy it there or choose it with the file dialog.</source>
        <translation>%1 (nicht Teil des Bodys in seiner jetzigen Form); sie liegt außerhalb des Arbeitsverzeichnisses %2, daher verweigert „Senden“ sie, sofern Sie sie nicht dorthin kopieren oder im Dateidialog wählen.</translation>
    </message>
    <message>
        <source>A collection with the same id is already in the workspace; this one was imported as a copy with new ids.</source>
        <translation>Eine Sammlung mit derselben ID ist bereits im Arbeitsbereich; diese wurde als Kopie mit neuen IDs importiert.</translation>
    </message>
    <message>
        <source>The collection could not be saved: %1</source>
        <translation>Die Sammlung konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Imported the collection “%1” (%2 requests).</source>
        <translation>Sammlung „%1“ importiert (%2 Anfragen).</translation>
    </message>
    <message>
        <source>An environment with the same id is already in the workspace; this one was imported as a copy.</source>
        <translation>Eine Umgebung mit derselben ID ist bereits im Arbeitsbereich; diese wurde als Kopie importiert.</translation>
    </message>
    <message>
        <source>The environment could not be saved: %1</source>
        <translation>Die Umgebung konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Imported the environment “%1” (%2 variables).</source>
        <translation>Umgebung „%1“ importiert (%2 Variablen).</translation>
    </message>
    <message>
        <source>Import Summary</source>
        <translation>Importzusammenfassung</translation>
    </message>
    <message>
        <source>Not Imported</source>
        <translation>Nicht importiert</translation>
    </message>
    <message>
        <source>%1 note(s) on what Postern keeps but does not use yet (it exports it back), or leaves out.</source>
        <translation>%1 Hinweis(e) dazu, was Postern behält, aber noch nicht verwendet (beim Export wird es zurückgeschrieben), oder weglässt.</translation>
    </message>
    <message>
        <source>Not imported: %1</source>
        <translation>Nicht importiert: %1</translation>
    </message>
    <message>
        <source>Imported the curl command into a new tab.</source>
        <translation>curl-Befehl in einen neuen Tab importiert.</translation>
    </message>
    <message>
        <source>Not imported: the file is not one Postern reads.</source>
        <translation>Nicht importiert: Postern kann diese Datei nicht lesen.</translation>
    </message>
    <message>
        <source>Not imported: the file is larger than 64 MiB.</source>
        <translation>Nicht importiert: Die Datei ist größer als 64 MiB.</translation>
    </message>
    <message>
        <source>Not imported: the file is not there.</source>
        <translation>Nicht importiert: Die Datei ist nicht vorhanden.</translation>
    </message>
    <message>
        <source>The collection is not in the workspace.</source>
        <translation>Die Sammlung ist nicht im Arbeitsbereich.</translation>
    </message>
    <message>
        <source>The environment is not in the workspace.</source>
        <translation>Die Umgebung ist nicht im Arbeitsbereich.</translation>
    </message>
</context>
<context>
    <name>Postern::XmlFormatter</name>
    <message>
        <source>%1 at line %2, column %3</source>
        <translation>%1 in Zeile %2, Spalte %3</translation>
    </message>
    <message>
        <source>Text outside the root element</source>
        <translation>Text außerhalb des Wurzelelements</translation>
    </message>
    <message>
        <source>CDATA section outside the root element</source>
        <translation>CDATA-Abschnitt außerhalb des Wurzelelements</translation>
    </message>
    <message>
        <source>Doctype after the root element</source>
        <translation>Doctype nach dem Wurzelelement</translation>
    </message>
    <message>
        <source>Second doctype</source>
        <translation>Zweiter Doctype</translation>
    </message>
    <message>
        <source>Second root element &lt;%1&gt; (a document has one)</source>
        <translation>Zweites Wurzelelement &lt;%1&gt; (ein Dokument hat nur eines)</translation>
    </message>
    <message>
        <source>End tag &lt;/%1&gt; with no element open</source>
        <translation>End-Tag &lt;/%1&gt; ohne geöffnetes Element</translation>
    </message>
    <message>
        <source>End tag &lt;/%1&gt; where &lt;/%2&gt; was expected</source>
        <translation>End-Tag &lt;/%1&gt;, wo &lt;/%2&gt; erwartet wurde</translation>
    </message>
    <message>
        <source>Unexpected end of input: &lt;%1&gt; is not closed</source>
        <translation>Unerwartetes Ende der Eingabe: &lt;%1&gt; ist nicht geschlossen</translation>
    </message>
    <message>
        <source>No root element</source>
        <translation>Kein Wurzelelement</translation>
    </message>
</context>
<context>
    <name>Postern::XmlTokenizer</name>
    <message>
        <source>Invalid character 0x%1</source>
        <translation>Ungültiges Zeichen 0x%1</translation>
    </message>
    <message>
        <source>Unexpected end of input after &apos;&lt;&apos;</source>
        <translation>Unerwartetes Ende der Eingabe nach &apos;&lt;&apos;</translation>
    </message>
    <message>
        <source>&apos;]]&gt;&apos; in text</source>
        <translation>&apos;]]&gt;&apos; im Text</translation>
    </message>
    <message>
        <source>Invalid character reference</source>
        <translation>Ungültiger Zeichenverweis</translation>
    </message>
    <message>
        <source>Character reference to a character XML does not allow</source>
        <translation>Zeichenverweis auf ein Zeichen, das XML nicht zulässt</translation>
    </message>
    <message>
        <source>Invalid entity reference (&apos;&amp;&apos; must be written &amp;amp;)</source>
        <translation>Ungültiger Entitätsverweis (&apos;&amp;&apos; muss als &amp;amp; geschrieben werden)</translation>
    </message>
    <message>
        <source>Undeclared entity &apos;&amp;%1;&apos;</source>
        <translation>Nicht deklarierte Entität &apos;&amp;%1;&apos;</translation>
    </message>
    <message>
        <source>Expected an element name after &apos;&lt;&apos;</source>
        <translation>Elementname nach &apos;&lt;&apos; erwartet</translation>
    </message>
    <message>
        <source>Unexpected end of input in a tag</source>
        <translation>Unerwartetes Ende der Eingabe in einem Tag</translation>
    </message>
    <message>
        <source>Expected &apos;&gt;&apos; after &apos;/&apos; in a tag</source>
        <translation>&apos;&gt;&apos; nach &apos;/&apos; in einem Tag erwartet</translation>
    </message>
    <message>
        <source>Expected whitespace, &apos;&gt;&apos; or &apos;/&gt;&apos; in a tag</source>
        <translation>Leerraum, &apos;&gt;&apos; oder &apos;/&gt;&apos; in einem Tag erwartet</translation>
    </message>
    <message>
        <source>Expected an attribute name</source>
        <translation>Attributname erwartet</translation>
    </message>
    <message>
        <source>Expected &apos;=&apos; after an attribute name</source>
        <translation>&apos;=&apos; nach einem Attributnamen erwartet</translation>
    </message>
    <message>
        <source>Attribute &apos;%1&apos; given twice</source>
        <translation>Attribut &apos;%1&apos; doppelt angegeben</translation>
    </message>
    <message>
        <source>Expected a quoted attribute value</source>
        <translation>Attributwert in Anführungszeichen erwartet</translation>
    </message>
    <message>
        <source>&apos;&lt;&apos; in an attribute value</source>
        <translation>&apos;&lt;&apos; in einem Attributwert</translation>
    </message>
    <message>
        <source>Unterminated attribute value</source>
        <translation>Nicht abgeschlossener Attributwert</translation>
    </message>
    <message>
        <source>Expected an element name after &apos;&lt;/&apos;</source>
        <translation>Elementname nach &apos;&lt;/&apos; erwartet</translation>
    </message>
    <message>
        <source>Expected &apos;&gt;&apos; to end the end tag</source>
        <translation>&apos;&gt;&apos; zum Abschluss des End-Tags erwartet</translation>
    </message>
    <message>
        <source>Unterminated comment</source>
        <translation>Nicht abgeschlossener Kommentar</translation>
    </message>
    <message>
        <source>&apos;--&apos; in a comment</source>
        <translation>&apos;--&apos; in einem Kommentar</translation>
    </message>
    <message>
        <source>Unterminated CDATA section</source>
        <translation>Nicht abgeschlossener CDATA-Abschnitt</translation>
    </message>
    <message>
        <source>Unexpected &apos;&lt;!&apos;</source>
        <translation>Unerwartetes &apos;&lt;!&apos;</translation>
    </message>
    <message>
        <source>Unterminated quoted text in the doctype</source>
        <translation>Nicht abgeschlossener Text in Anführungszeichen in der Doctype-Deklaration</translation>
    </message>
    <message>
        <source>Expected whitespace and a name after &lt;!DOCTYPE</source>
        <translation>Leerraum und ein Name nach &lt;!DOCTYPE erwartet</translation>
    </message>
    <message>
        <source>Unterminated doctype</source>
        <translation>Nicht abgeschlossene Doctype-Deklaration</translation>
    </message>
    <message>
        <source>Expected &apos;&gt;&apos; after the internal subset</source>
        <translation>&apos;&gt;&apos; nach der internen Teilmenge erwartet</translation>
    </message>
    <message>
        <source>Unexpected character in the doctype</source>
        <translation>Unerwartetes Zeichen in der Doctype-Deklaration</translation>
    </message>
    <message>
        <source>Unterminated processing instruction</source>
        <translation>Nicht abgeschlossene Verarbeitungsanweisung</translation>
    </message>
    <message>
        <source>Invalid parameter entity reference</source>
        <translation>Ungültiger Parameter-Entitätsverweis</translation>
    </message>
    <message>
        <source>Unexpected character in the internal subset</source>
        <translation>Unerwartetes Zeichen in der internen Teilmenge</translation>
    </message>
    <message>
        <source>Expected a target after &apos;&lt;?&apos;</source>
        <translation>Ziel nach &apos;&lt;?&apos; erwartet</translation>
    </message>
    <message>
        <source>Expected whitespace after a processing instruction&apos;s target</source>
        <translation>Leerraum nach dem Ziel einer Verarbeitungsanweisung erwartet</translation>
    </message>
    <message>
        <source>XML declaration not at the start of the document</source>
        <translation>XML-Deklaration nicht am Anfang des Dokuments</translation>
    </message>
    <message>
        <source>Expected &apos;version&apos; in the XML declaration</source>
        <translation>&apos;version&apos; in der XML-Deklaration erwartet</translation>
    </message>
</context>
<context>
    <name>SandboxProcess</name>
    <message>
        <source>The postern-sandbox program was not found.</source>
        <translation>Das Programm postern-sandbox wurde nicht gefunden.</translation>
    </message>
    <message>
        <source>The sandbox printed something other than its address.</source>
        <translation>Die Sandbox hat etwas anderes als ihre Adresse ausgegeben.</translation>
    </message>
    <message>
        <source>The sandbox stopped unexpectedly.</source>
        <translation>Die Sandbox wurde unerwartet beendet.</translation>
    </message>
    <message>
        <source>The sandbox exited with code %1 before it was ready.</source>
        <translation>Die Sandbox wurde mit Code %1 beendet, bevor sie bereit war.</translation>
    </message>
    <message>
        <source>Could not start the sandbox: %1</source>
        <translation>Die Sandbox konnte nicht gestartet werden: %1</translation>
    </message>
</context>
</TS>
