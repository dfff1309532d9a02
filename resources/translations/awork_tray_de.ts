<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>Account</name>
    <message>
        <source>awork in the browser; the sign-in is kept in the system keychain</source>
        <translation>awork im Browser; die Anmeldung liegt im Schlüsselbund des Systems</translation>
    </message>
    <message>
        <source>awork in the browser; the sign-in is kept in memory until awork tray quits</source>
        <translation>awork im Browser; die Anmeldung bleibt nur im Arbeitsspeicher, bis awork tray beendet wird</translation>
    </message>
    <message>
        <source>the AWORK_API_TOKEN environment variable</source>
        <translation>die Umgebungsvariable AWORK_API_TOKEN</translation>
    </message>
    <message>
        <source>the built-in demo workspace</source>
        <translation>den eingebauten Demo-Workspace</translation>
    </message>
    <message>
        <source>nothing (signed out)</source>
        <translation>nichts (abgemeldet)</translation>
    </message>
    <message>
        <source>AWORK_API_TOKEN is set; it is used instead of signing in. Unset it to sign in.</source>
        <translation>AWORK_API_TOKEN ist gesetzt und wird statt einer Anmeldung verwendet. Entferne die Variable, um dich anzumelden.</translation>
    </message>
    <message>
        <source>Signed out here, but awork could not be told to revoke the sign-in: {0}</source>
        <translation>Hier abgemeldet, aber awork konnte nicht gebeten werden, die Anmeldung zu widerrufen: {0}</translation>
    </message>
</context>
<context>
    <name>Action</name>
    <message>
        <source>start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>change of the timer</source>
        <translation>Ändern</translation>
    </message>
    <message>
        <source>discard</source>
        <translation>Verwerfen</translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>The time entry lacks its type of work or time zone; it cannot be corrected.</source>
        <translation>Dem Zeiteintrag fehlt die Tätigkeit oder die Zeitzone; er lässt sich nicht korrigieren.</translation>
    </message>
    <message>
        <source>awork sent something other than a list.</source>
        <translation>awork hat etwas anderes als eine Liste gesendet.</translation>
    </message>
    <message>
        <source>awork sent a reply that could not be read.</source>
        <translation>awork hat eine Antwort gesendet, die sich nicht lesen ließ.</translation>
    </message>
    <message>
        <source>Not signed in to awork.</source>
        <translation>Nicht bei awork angemeldet.</translation>
    </message>
    <message>
        <source>awork did not answer in time. Check your connection.</source>
        <translation>awork hat nicht rechtzeitig geantwortet. Prüfe deine Verbindung.</translation>
    </message>
    <message>
        <source>Cannot reach awork. Check your internet connection.</source>
        <translation>awork ist nicht erreichbar. Prüfe deine Internetverbindung.</translation>
    </message>
    <message>
        <source>awork sent a reply larger than {0} MB; it was not read.</source>
        <translation>awork hat eine Antwort größer als {0} MB gesendet; sie wurde nicht gelesen.</translation>
    </message>
    <message>
        <source>The certificate of {0} could not be verified ({1}). A company proxy or a network&apos;s sign-in page may be in the way.</source>
        <translation>Das Zertifikat von {0} konnte nicht überprüft werden ({1}). Vielleicht steht ein Firmen-Proxy oder die Anmeldeseite eines Netzwerks im Weg.</translation>
    </message>
    <message>
        <source>No secure connection to {0} could be made ({1}).</source>
        <translation>Zu {0} konnte keine sichere Verbindung aufgebaut werden ({1}).</translation>
    </message>
    <message>
        <source>You cannot book time on this task: {0}</source>
        <translation>Du kannst auf diese Aufgabe keine Zeit buchen: {0}</translation>
    </message>
    <message>
        <source>You cannot start this timer: {0}</source>
        <translation>Du kannst diesen Timer nicht starten: {0}</translation>
    </message>
    <message>
        <source>You cannot pause this timer: {0}</source>
        <translation>Du kannst diesen Timer nicht pausieren: {0}</translation>
    </message>
    <message>
        <source>You cannot resume this timer: {0}</source>
        <translation>Du kannst diesen Timer nicht fortsetzen: {0}</translation>
    </message>
    <message>
        <source>You cannot stop this timer: {0}</source>
        <translation>Du kannst diesen Timer nicht stoppen: {0}</translation>
    </message>
    <message>
        <source>You cannot search these tasks: {0}</source>
        <translation>Du kannst diese Aufgaben nicht durchsuchen: {0}</translation>
    </message>
    <message>
        <source>You cannot delete this time entry: {0}</source>
        <translation>Du kannst diesen Zeiteintrag nicht löschen: {0}</translation>
    </message>
    <message>
        <source>You cannot change this time entry: {0}</source>
        <translation>Du kannst diesen Zeiteintrag nicht ändern: {0}</translation>
    </message>
    <message>
        <source>awork&apos;s address answered with a redirect ({0}) without a destination; it was not followed.</source>
        <translation>Die Adresse von awork hat mit einer Weiterleitung ({0}) ohne Ziel geantwortet; ihr wurde nicht gefolgt.</translation>
    </message>
    <message>
        <source>awork&apos;s address answered with a redirect to {0}; it was not followed. If this network needs you to sign in first, do that in your browser.</source>
        <translation>Die Adresse von awork hat mit einer Weiterleitung nach {0} geantwortet; ihr wurde nicht gefolgt. Wenn du dich in diesem Netzwerk zuerst anmelden musst, tu das in deinem Browser.</translation>
    </message>
    <message>
        <source>awork is busy and asked to wait longer than 10 minutes; it takes new requests again in 10 minutes.</source>
        <translation>awork ist ausgelastet und bittet, länger als 10 Minuten zu warten; neue Anfragen nimmt es in 10 Minuten wieder an.</translation>
    </message>
    <message>
        <source>awork is busy (too many requests); it takes new requests again in {0} s.</source>
        <translation>awork ist ausgelastet (zu viele Anfragen); neue Anfragen nimmt es in {0} s wieder an.</translation>
    </message>
    <message>
        <source>awork rejected the request.</source>
        <translation>awork hat die Anfrage abgelehnt.</translation>
    </message>
    <message>
        <source>awork says you lack the permission for this.</source>
        <translation>Laut awork fehlt dir dafür die Berechtigung.</translation>
    </message>
    <message>
        <source>awork did not accept the sign-in. Please sign in again.</source>
        <translation>awork hat die Anmeldung nicht akzeptiert. Bitte melde dich erneut an.</translation>
    </message>
    <message>
        <source>awork refused the request (403 Forbidden).</source>
        <translation>awork hat die Anfrage verweigert (403 Forbidden).</translation>
    </message>
    <message>
        <source>awork could not find that.</source>
        <translation>awork konnte das nicht finden.</translation>
    </message>
    <message>
        <source>awork had a problem ({0}). Please try again.</source>
        <translation>awork hatte ein Problem ({0}). Bitte versuch es noch einmal.</translation>
    </message>
    <message>
        <source>Unexpected answer from awork ({0}).</source>
        <translation>Unerwartete Antwort von awork ({0}).</translation>
    </message>
    <message>
        <source>awork&apos;s registration reply had no client_id.</source>
        <translation>Die Antwort von awork auf die Registrierung enthielt keine client_id.</translation>
    </message>
    <message>
        <source>Cannot reach awork to revoke the sign-in.</source>
        <translation>awork ist nicht erreichbar, um die Anmeldung zu widerrufen.</translation>
    </message>
    <message>
        <source>awork&apos;s token reply had no access token.</source>
        <translation>Die Token-Antwort von awork enthielt kein Access-Token.</translation>
    </message>
    <message>
        <source>awork&apos;s reply ({0}) could not be read.</source>
        <translation>Die Antwort von awork ({0}) ließ sich nicht lesen.</translation>
    </message>
    <message>
        <source>awork&apos;s reply ({0}) was not an object.</source>
        <translation>Die Antwort von awork ({0}) war kein Objekt.</translation>
    </message>
    <message>
        <source>awork sent a {0} without “{1}”.</source>
        <translation>awork hat Daten ({0}) ohne „{1}“ gesendet.</translation>
    </message>
    <message>
        <source>awork sent a time entry with an unreadable time: {0}</source>
        <translation>awork hat einen Zeiteintrag mit unlesbarer Zeit gesendet: {0}</translation>
    </message>
    <message>
        <source>awork sent a time entry without a start time.</source>
        <translation>awork hat einen Zeiteintrag ohne Startzeit gesendet.</translation>
    </message>
</context>
<context>
    <name>Autostart</name>
    <message>
        <source>Your desktop did not allow awork tray to start on login.</source>
        <translation>Deine Desktopumgebung hat nicht erlaubt, dass awork tray beim Anmelden startet.</translation>
    </message>
    <message>
        <source>The desktop&apos;s Background portal is not available ({0}).</source>
        <translation>Das Background-Portal der Desktopumgebung ist nicht verfügbar ({0}).</translation>
    </message>
    <message>
        <source>Start awork tray when you log in</source>
        <translation>awork tray beim Anmelden starten</translation>
    </message>
    <message>
        <source>The LaunchAgent is unreadable; turn it on again to repair it.</source>
        <translation>Der LaunchAgent ist nicht lesbar; schalte die Option erneut ein, um ihn zu reparieren.</translation>
    </message>
    <message>
        <source>The LaunchAgent is disabled.</source>
        <translation>Der LaunchAgent ist deaktiviert.</translation>
    </message>
    <message>
        <source>It starts another installation; turn it off and on to start this one.</source>
        <translation>Er startet eine andere Installation; schalte die Option aus und wieder ein, um diese hier zu starten.</translation>
    </message>
    <message>
        <source>Turned off in Task Manager → Startup apps.</source>
        <translation>Im Task-Manager unter „Autostart-Apps“ ausgeschaltet.</translation>
    </message>
    <message>
        <source>The autostart entry is unreadable; turn it on again to repair it.</source>
        <translation>Der Autostart-Eintrag ist nicht lesbar; schalte die Option erneut ein, um ihn zu reparieren.</translation>
    </message>
    <message>
        <source>Turned off in your desktop&apos;s startup settings.</source>
        <translation>In den Autostart-Einstellungen deiner Desktopumgebung ausgeschaltet.</translation>
    </message>
    <message>
        <source>It starts another installation ({0}); turn it off and on to start this one.</source>
        <translation>Er startet eine andere Installation ({0}); schalte die Option aus und wieder ein, um diese hier zu starten.</translation>
    </message>
</context>
<context>
    <name>Away</name>
    <message>
        <source>The timer is stopped, but awork did not take the earlier end {0}: {1} Change it in awork.</source>
        <translation>Der Timer ist gestoppt, aber awork hat das frühere Ende {0} nicht übernommen: {1} Ändere es in awork.</translation>
    </message>
    <message>
        <source>The timer changed in the meantime; the away time was kept.</source>
        <translation>Der Timer wurde inzwischen geändert; die Abwesenheit bleibt erfasst.</translation>
    </message>
</context>
<context>
    <name>AwayPrompt</name>
    <message>
        <source>You were away from {0} to {1} ({2} min)</source>
        <translation>Du warst von {0} bis {1} weg ({2} Min.)</translation>
    </message>
    <message>
        <source>“{0}” is still running.</source>
        <translation>„{0}“ läuft noch.</translation>
    </message>
    <message>
        <source>Your timer is still running.</source>
        <translation>Dein Timer läuft noch.</translation>
    </message>
    <message>
        <source>The computer was asleep meanwhile.</source>
        <translation>Der Computer war in der Zwischenzeit im Ruhezustand.</translation>
    </message>
    <message>
        <source>awork tray — Away</source>
        <translation>awork tray — Abwesend</translation>
    </message>
    <message>
        <source>K</source>
        <comment>the key for Keep</comment>
        <translation>B</translation>
    </message>
    <message>
        <source>D</source>
        <comment>the key for Discard the away time</comment>
        <translation>V</translation>
    </message>
    <message>
        <source>C</source>
        <comment>the key for Discard and continue</comment>
        <translation>W</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>Discard the away time</source>
        <translation>Abwesenheit verwerfen</translation>
    </message>
    <message>
        <source>Discard and continue</source>
        <translation>Verwerfen und weiter</translation>
    </message>
    <message>
        <source>Keep the time away in the running entry</source>
        <translation>Die Zeit der Abwesenheit im laufenden Eintrag behalten</translation>
    </message>
    <message>
        <source>Stop the entry when you left</source>
        <translation>Den Eintrag zu dem Zeitpunkt stoppen, als du gegangen bist</translation>
    </message>
    <message>
        <source>Stop the entry when you left and start the same again now</source>
        <translation>Den Eintrag zu dem Zeitpunkt stoppen, als du gegangen bist, und denselben jetzt neu starten</translation>
    </message>
    <message>
        <source>Enter presses the selected button; Esc keeps the time.</source>
        <translation>Enter drückt die ausgewählte Schaltfläche; Esc behält die Zeit.</translation>
    </message>
</context>
<context>
    <name>Busy</name>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>Pausing…</source>
        <translation>Wird pausiert…</translation>
    </message>
    <message>
        <source>Resuming…</source>
        <translation>Wird fortgesetzt…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird gestoppt…</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Einen Moment…</translation>
    </message>
    <message>
        <source>awork is busy — starting in {0} s</source>
        <translation>awork ist ausgelastet – Start in {0} s</translation>
    </message>
    <message>
        <source>awork is busy — pausing in {0} s</source>
        <translation>awork ist ausgelastet – Pause in {0} s</translation>
    </message>
    <message>
        <source>awork is busy — resuming in {0} s</source>
        <translation>awork ist ausgelastet – Fortsetzen in {0} s</translation>
    </message>
    <message>
        <source>awork is busy — stopping in {0} s</source>
        <translation>awork ist ausgelastet – Stopp in {0} s</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>awork is busy — saving in {0} s</source>
        <translation>awork ist ausgelastet — Speichern in {0} s</translation>
    </message>
    <message>
        <source>Discarding…</source>
        <translation>Verwerfen…</translation>
    </message>
    <message>
        <source>awork is busy — discarding in {0} s</source>
        <translation>awork ist ausgelastet — Verwerfen in {0} s</translation>
    </message>
    <message>
        <source>awork is busy — asking again in {0} s</source>
        <translation>awork ist ausgelastet – neue Anfrage in {0} s</translation>
    </message>
    <message>
        <source>awork is busy (too many requests) for {0} s. Your {1} is queued and sent to awork after that.</source>
        <translation>awork ist für {0} s ausgelastet (zu viele Anfragen). Deine Aktion „{1}“ ist vorgemerkt und wird danach an awork gesendet.</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>no system tray found. On GNOME install the &apos;AppIndicator and KStatusNotifierItem Support&apos; extension. The quick-start window opens instead; `awork-tray` commands work too.</source>
        <translation>kein Infobereich (System Tray) gefunden. Installiere unter GNOME die Erweiterung „AppIndicator and KStatusNotifierItem Support“. Stattdessen öffnet sich das Schnellstart-Fenster; auch die `awork-tray`-Befehle funktionieren.</translation>
    </message>
    <message>
        <source>Start on login: on</source>
        <translation>Beim Anmelden starten: an</translation>
    </message>
    <message>
        <source>Start on login: off</source>
        <translation>Beim Anmelden starten: aus</translation>
    </message>
    <message>
        <source>could not change start on login: {0}</source>
        <translation>der Start beim Anmelden ließ sich nicht ändern: {0}</translation>
    </message>
    <message>
        <source>start needs --type-of-work NAME|ID, --task KEY|ID, or both</source>
        <translation>start braucht --type-of-work NAME|ID, --task KEY|ID oder beides</translation>
    </message>
    <message>
        <source>1 action waiting ({0})</source>
        <translation>1 Aktion wartet ({0})</translation>
    </message>
    <message>
        <source>{0} actions waiting ({1})</source>
        <translation>{0} Aktionen warten ({1})</translation>
    </message>
    <message>
        <source>log file:</source>
        <translation>Logdatei:</translation>
    </message>
    <message>
        <source>settings:</source>
        <translation>Einstellungen:</translation>
    </message>
    <message>
        <source>awork API:</source>
        <translation>awork-API:</translation>
    </message>
    <message>
        <source>built-in demo</source>
        <translation>eingebaute Demo</translation>
    </message>
    <message>
        <source>tray running:</source>
        <translation>Tray läuft:</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>offline queue:</source>
        <translation>Offline-Warteschlange:</translation>
    </message>
    <message>
        <source>damaged file kept:</source>
        <translation>beschädigte Datei aufbewahrt:</translation>
    </message>
    <message>
        <source>Run &apos;awork-tray login&apos;.</source>
        <translation>Führe &apos;awork-tray login&apos; aus.</translation>
    </message>
    <message>
        <source>AWORK_API_TOKEN is set and used instead of a stored token; unset it to sign out.</source>
        <translation>AWORK_API_TOKEN ist gesetzt und wird statt einer gespeicherten Anmeldung verwendet; entferne die Variable, um dich abzumelden.</translation>
    </message>
    <message>
        <source>Signed out: awork tray&apos;s access was revoked at awork and the stored sign-in removed.</source>
        <translation>Abgemeldet: Der Zugriff von awork tray wurde bei awork widerrufen und die gespeicherte Anmeldung entfernt.</translation>
    </message>
    <message>
        <source>Not signed in; nothing is stored any more.</source>
        <translation>Nicht angemeldet; es ist nichts mehr gespeichert.</translation>
    </message>
    <message>
        <source>AWORK_API_TOKEN is set; it is used instead of signing in. Unset it to sign in with awork.</source>
        <translation>AWORK_API_TOKEN ist gesetzt und wird statt einer Anmeldung verwendet. Entferne die Variable, um dich mit awork anzumelden.</translation>
    </message>
    <message>
        <source>The command line cannot keep a sign-in in memory. Sign in from the tray icon instead (it offers “Keep me signed in for this session only”), or set AWORK_API_TOKEN.</source>
        <translation>Die Kommandozeile kann keine Anmeldung im Arbeitsspeicher behalten. Melde dich stattdessen über das Tray-Symbol an (dort gibt es „Nur für diese Sitzung angemeldet bleiben“) oder setze AWORK_API_TOKEN.</translation>
    </message>
    <message>
        <source>Sign in to awork in your browser. If it does not open, open this link on this computer:
  {0}
Waiting up to 5 minutes (Ctrl+C cancels)…</source>
        <translation>Melde dich im Browser bei awork an. Falls er sich nicht öffnet, öffne diesen Link auf diesem Computer:
  {0}
Warte bis zu 5 Minuten (Strg+C bricht ab)…</translation>
    </message>
    <message>
        <source>No browser could be opened; open the link above.</source>
        <translation>Es ließ sich kein Browser öffnen; öffne den Link oben.</translation>
    </message>
    <message>
        <source>Sign-in cancelled.</source>
        <translation>Anmeldung abgebrochen.</translation>
    </message>
    <message>
        <source>unknown workspace</source>
        <translation>unbekannter Workspace</translation>
    </message>
    <message>
        <source>Signed in as {0} · {1}. The sign-in is kept in the system keychain.</source>
        <translation>Angemeldet als {0} · {1}. Die Anmeldung liegt im Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <source>Not signed in: {0}
Run &apos;awork-tray login&apos; or check AWORK_API_TOKEN.</source>
        <translation>Nicht angemeldet: {0}
Führe &apos;awork-tray login&apos; aus oder prüfe AWORK_API_TOKEN.</translation>
    </message>
    <message>
        <source>awork rejected the request: {0}</source>
        <translation>awork hat die Anfrage abgelehnt: {0}</translation>
    </message>
    <message>
        <source>Choose one with --type-of-work NAME: {0}</source>
        <translation>Wähle eine mit --type-of-work NAME: {0}</translation>
    </message>
    <message>
        <source>Start it with &apos;awork-tray start {0}--type-of-work NAME&apos;: {1}</source>
        <translation>Starte den Timer mit „awork-tray start {0}--type-of-work NAME“: {1}</translation>
    </message>
    <message>
        <source>unknown command {0}</source>
        <translation>unbekannter Befehl {0}</translation>
    </message>
    <message>
        <source>(demo)</source>
        <translation>(Demo)</translation>
    </message>
    <message>
        <source>Not signed in. Run &apos;awork-tray login&apos; or set AWORK_API_TOKEN.</source>
        <translation>Nicht angemeldet. Führe &apos;awork-tray login&apos; aus oder setze AWORK_API_TOKEN.</translation>
    </message>
    <message>
        <source>Answer the keychain&apos;s password prompt, then try again.</source>
        <translation>Beantworte die Passwortabfrage des Schlüsselbunds und versuche es dann erneut.</translation>
    </message>
    <message>
        <source>edit needs at least one of --note, --type-of-work, --task, --billable, --not-billable, --started</source>
        <translation>edit braucht mindestens eine der Optionen --note, --type-of-work, --task, --billable, --not-billable, --started</translation>
    </message>
    <message>
        <source>Discarded: {0}</source>
        <translation>Verworfen: {0}</translation>
    </message>
    <message>
        <source>Discarded.</source>
        <translation>Verworfen.</translation>
    </message>
    <message>
        <source>{0} · {1} (signed in with {2})</source>
        <translation>{0} · {1} (angemeldet über {2})</translation>
    </message>
    <message>
        <source>awork is busy (too many requests): this is the timer as the tray knew it {0} ago.</source>
        <translation>awork ist ausgelastet (zu viele Anfragen): So stand der Timer, als das Tray ihn vor {0} zuletzt kannte.</translation>
    </message>
    <message>
        <source>{0} s</source>
        <translation>{0} s</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} Min.</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>Timer</source>
        <translation>Timer</translation>
    </message>
    <message>
        <source>Nothing tracked today yet.</source>
        <translation>Heute noch nichts erfasst.</translation>
    </message>
    <message>
        <source>Today: {0}</source>
        <translation>Heute: {0}</translation>
    </message>
    <message>
        <source>Idle: no timer running.</source>
        <translation>Inaktiv: Es läuft kein Timer.</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>“{0}”</source>
        <translation>„{0}“</translation>
    </message>
    <message>
        <source>the tray is still starting; try again in a moment.</source>
        <translation>awork tray startet noch; versuch es gleich noch einmal.</translation>
    </message>
    <message>
        <source>the log file {0} cannot be written ({1}); logging to the terminal instead.</source>
        <translation>die Protokolldatei {0} kann nicht geschrieben werden ({1}); das Protokoll geht stattdessen ins Terminal.</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Choose a type of work for this task first.</source>
        <translation>Wähle zuerst eine Tätigkeit für diese Aufgabe.</translation>
    </message>
    <message>
        <source>Nothing to continue: awork has no earlier time entry of yours.</source>
        <translation>Nichts fortzusetzen: awork hat noch keinen früheren Zeiteintrag von dir.</translation>
    </message>
    <message>
        <source>“{0}” matches several types of work: {1}</source>
        <translation>„{0}“ passt zu mehreren Tätigkeiten: {1}</translation>
    </message>
    <message>
        <source>No type of work “{0}”. Known: {1}</source>
        <translation>Keine Tätigkeit „{0}“. Bekannt sind: {1}</translation>
    </message>
    <message>
        <source>No task “{0}” in awork.</source>
        <translation>Keine Aufgabe „{0}“ in awork.</translation>
    </message>
    <message>
        <source>Still busy ({0}); try again in a moment.</source>
        <translation>Noch beschäftigt ({0}); versuch es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Choose another type of work.</source>
        <translation>Wähle eine andere Tätigkeit.</translation>
    </message>
    <message>
        <source>This workspace does not allow tracking time on done projects, and “{0}” is done.</source>
        <translation>In diesem Workspace lässt sich keine Zeit auf erledigte Projekte buchen, und „{0}“ ist erledigt.</translation>
    </message>
    <message>
        <source>The project “{0}” does not allow the type of work “{1}”.</source>
        <translation>Das Projekt „{0}“ erlaubt die Tätigkeit „{1}“ nicht.</translation>
    </message>
    <message>
        <source>This task’s type of work is archived in awork.</source>
        <translation>Die Tätigkeit dieser Aufgabe ist in awork archiviert.</translation>
    </message>
    <message>
        <source>That type of work is archived in awork.</source>
        <translation>Diese Tätigkeit ist in awork archiviert.</translation>
    </message>
    <message>
        <source>Still busy; try again in a moment.</source>
        <translation>Noch beschäftigt; versuche es gleich noch einmal.</translation>
    </message>
</context>
<context>
    <name>DayPanel</name>
    <message>
        <source>Last: {0} · {1}</source>
        <translation>Zuletzt: {0} · {1}</translation>
    </message>
    <message>
        <source>Today {0}</source>
        <translation>Heute {0}</translation>
    </message>
    <message>
        <source>This week {0}</source>
        <translation>Diese Woche {0}</translation>
    </message>
    <message>
        <source>Tracked today: {0}. Show today&apos;s entries</source>
        <translation>Heute erfasst: {0}. Zeigt die Einträge von heute</translation>
    </message>
    <message>
        <source>Tracked this week: {0}. Show today&apos;s entries</source>
        <translation>Diese Woche erfasst: {0}. Zeigt die Einträge von heute</translation>
    </message>
    <message>
        <source>Nothing tracked today yet.</source>
        <translation>Heute noch nichts erfasst.</translation>
    </message>
    <message>
        <source>Timer</source>
        <translation>Timer</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Continue {0}</source>
        <translation>{0} fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>Start the last entry again: task, type of work, note and billable</source>
        <translation>Den letzten Eintrag neu starten: Aufgabe, Tätigkeit, Notiz und abrechenbar</translation>
    </message>
    <message>
        <source>Continue the last entry</source>
        <translation>Letzten Eintrag fortsetzen</translation>
    </message>
</context>
<context>
    <name>EntryEditing</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Undo the discard</source>
        <translation>Verwerfen rückgängig machen</translation>
    </message>
    <message>
        <source>Started (for a timer you forgot to start)</source>
        <translation>Begonnen (für einen Timer, den du zu starten vergessen hast)</translation>
    </message>
    <message>
        <source>since</source>
        <translation>seit</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>{0} min ago</source>
        <translation>vor {0} Min.</translation>
    </message>
    <message>
        <source>Choose the new task, then press Enter.</source>
        <translation>Wähle die neue Aufgabe und drücke dann die Eingabetaste.</translation>
    </message>
    <message>
        <source>the timer</source>
        <translation>den Timer</translation>
    </message>
    <message>
        <source>Discarded: {0}. Undo with Ctrl+Z.</source>
        <translation>Verworfen: {0}. Rückgängig mit Strg+Z.</translation>
    </message>
</context>
<context>
    <name>EntryEditor</name>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Change &amp;task…</source>
        <translation>&amp;Aufgabe ändern…</translation>
    </message>
    <message>
        <source>Change the task</source>
        <translation>Aufgabe ändern</translation>
    </message>
    <message>
        <source>T&amp;ype</source>
        <translation>&amp;Tätigkeit</translation>
    </message>
    <message>
        <source>Type of work</source>
        <translation>Tätigkeitsart</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>N&amp;otiz</translation>
    </message>
    <message>
        <source>Note for the time entry</source>
        <translation>Notiz für den Zeiteintrag</translation>
    </message>
    <message>
        <source>Sta&amp;rted</source>
        <translation>&amp;Begonnen</translation>
    </message>
    <message>
        <source>08:47 or -15m</source>
        <translation>08:47 oder -15m</translation>
    </message>
    <message>
        <source>Started: a time of day such as 08:47, or minutes ago such as -15m</source>
        <translation>Begonnen: eine Uhrzeit wie 08:47 oder Minuten zuvor wie -15m</translation>
    </message>
    <message>
        <source>&amp;Billable</source>
        <translation>Abrechen&amp;bar</translation>
    </message>
    <message>
        <source>&amp;Discard timer</source>
        <translation>Timer &amp;verwerfen</translation>
    </message>
    <message>
        <source>Discard the timer (it can be undone for a few seconds)</source>
        <translation>Timer verwerfen (einige Sekunden lang rückgängig zu machen)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>Spei&amp;chern</translation>
    </message>
    <message>
        <source>No task</source>
        <translation>Keine Aufgabe</translation>
    </message>
</context>
<context>
    <name>EntryEdits</name>
    <message>
        <source>A timer can start at most 24 hours ago.</source>
        <translation>Ein Timer kann höchstens vor 24 Stunden begonnen haben.</translation>
    </message>
    <message>
        <source>{0} did not happen today: the clocks were changed.</source>
        <translation>{0} gab es heute nicht: Die Uhren wurden umgestellt.</translation>
    </message>
    <message>
        <source>The start cannot lie in the future.</source>
        <translation>Der Beginn kann nicht in der Zukunft liegen.</translation>
    </message>
    <message>
        <source>The start cannot be later than the timer&apos;s first break.</source>
        <translation>Der Beginn kann nicht nach der ersten Pause des Timers liegen.</translation>
    </message>
    <message>
        <source>“{0}” is not a start time: give a time of day such as 08:47, or minutes ago such as -15m.</source>
        <translation>„{0}“ ist keine Startzeit: Gib eine Uhrzeit wie 08:47 an oder Minuten zuvor wie -15m.</translation>
    </message>
    <message>
        <source>No timer is running or paused.</source>
        <translation>Kein Timer läuft oder ist pausiert.</translation>
    </message>
    <message>
        <source>The timer was deleted in awork; nothing was changed.</source>
        <translation>Der Timer wurde in awork gelöscht; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>The timer was stopped in awork; nothing was changed.</source>
        <translation>Der Timer wurde in awork gestoppt; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>The timer before it still ends now: moving its end to {0} failed: {1}</source>
        <translation>Der vorige Timer endet weiterhin jetzt: Sein Ende auf {0} zu verschieben, ist fehlgeschlagen: {1}</translation>
    </message>
</context>
<context>
    <name>Hotkeys</name>
    <message>
        <source>Global shortcuts could not be set up here ({0}).</source>
        <translation>Globale Tastenkürzel ließen sich hier nicht einrichten ({0}).</translation>
    </message>
    <message>
        <source>This desktop offers no global shortcuts to apps.</source>
        <translation>Diese Desktopumgebung bietet Apps keine globalen Tastenkürzel an.</translation>
    </message>
    <message>
        <source>Another program already uses {0}. Choose another shortcut.</source>
        <translation>Ein anderes Programm verwendet {0} bereits. Wähle ein anderes Tastenkürzel.</translation>
    </message>
    <message>
        <source>{0} is already used for “{1}”.</source>
        <translation>{0} wird bereits für „{1}“ verwendet.</translation>
    </message>
    <message>
        <source>Mac keyboards have no {0} key.</source>
        <translation>Mac-Tastaturen haben keine Taste {0}.</translation>
    </message>
    <message>
        <source>macOS refused the shortcut (error {0}).</source>
        <translation>macOS hat das Tastenkürzel abgelehnt (Fehler {0}).</translation>
    </message>
    <message>
        <source>Your desktop offers no global shortcuts to apps (no GlobalShortcuts portal).</source>
        <translation>Deine Desktopumgebung bietet Apps keine globalen Tastenkürzel an (kein GlobalShortcuts-Portal).</translation>
    </message>
    <message>
        <source>Asking your desktop…</source>
        <translation>Deine Desktopumgebung wird gefragt…</translation>
    </message>
    <message>
        <source>The desktop refused a shortcuts session (response {0}).</source>
        <translation>Die Desktopumgebung hat eine Sitzung für Tastenkürzel abgelehnt (Antwort {0}).</translation>
    </message>
    <message>
        <source>You declined the shortcuts in your desktop&apos;s dialog.</source>
        <translation>Du hast die Tastenkürzel im Dialog deiner Desktopumgebung abgelehnt.</translation>
    </message>
    <message>
        <source>Your desktop could not bind the shortcuts (response {0}).</source>
        <translation>Deine Desktopumgebung konnte die Tastenkürzel nicht zuweisen (Antwort {0}).</translation>
    </message>
    <message>
        <source>Your desktop did not bind this shortcut.</source>
        <translation>Deine Desktopumgebung hat dieses Tastenkürzel nicht zugewiesen.</translation>
    </message>
    <message>
        <source>Your desktop binds it to {0}; change it in the desktop&apos;s shortcut settings.</source>
        <translation>Deine Desktopumgebung legt es auf {0}; ändern kannst du das in ihren Tastenkürzel-Einstellungen.</translation>
    </message>
    <message>
        <source>Bound by your desktop; change it in the desktop&apos;s shortcut settings.</source>
        <translation>Von deiner Desktopumgebung zugewiesen; ändern kannst du das in ihren Tastenkürzel-Einstellungen.</translation>
    </message>
    <message>
        <source>This keyboard layout has no key for {0}.</source>
        <translation>Diese Tastaturbelegung hat keine Taste für {0}.</translation>
    </message>
    <message>
        <source>Windows refused the shortcut (error {0}).</source>
        <translation>Windows hat das Tastenkürzel abgelehnt (Fehler {0}).</translation>
    </message>
    <message>
        <source>The X server refused the shortcut (error {0}).</source>
        <translation>Der X-Server hat das Tastenkürzel abgelehnt (Fehler {0}).</translation>
    </message>
    <message>
        <source>The connection to the X server broke.</source>
        <translation>Die Verbindung zum X-Server ist abgebrochen.</translation>
    </message>
    <message>
        <source>No shortcut.</source>
        <translation>Kein Tastenkürzel.</translation>
    </message>
    <message>
        <source>{0} is a sequence of keys; a global shortcut is one chord, such as Ctrl+Alt+K.</source>
        <translation>{0} ist eine Tastenfolge; ein globales Tastenkürzel ist eine einzige Tastenkombination wie Strg+Alt+K.</translation>
    </message>
    <message>
        <source>{0} is not a modifier key (Ctrl, Alt, Shift or Meta).</source>
        <translation>{0} ist keine Zusatztaste (Strg, Alt, Umschalt oder Meta).</translation>
    </message>
    <message>
        <source>The key {0} cannot be used in a global shortcut.</source>
        <translation>Die Taste {0} kann nicht in einem globalen Tastenkürzel verwendet werden.</translation>
    </message>
    <message>
        <source>{0} would stop working in every other program: add Ctrl, Alt or Meta.</source>
        <translation>{0} würde in jedem anderen Programm nicht mehr funktionieren: Nimm Strg, Alt oder Meta dazu.</translation>
    </message>
</context>
<context>
    <name>Idle</name>
    <message>
        <source>there is no D-Bus session bus to ask the desktop</source>
        <translation>es gibt keinen D-Bus-Sitzungsbus, um den Desktop zu fragen</translation>
    </message>
    <message>
        <source>this desktop tells apps no idle time</source>
        <translation>dieser Desktop teilt Apps keine Leerlaufzeit mit</translation>
    </message>
</context>
<context>
    <name>IdleSettingsBox</name>
    <message>
        <source>Time away</source>
        <translation>Abwesenheit</translation>
    </message>
    <message>
        <source>Ask about time away from the computer while a timer runs</source>
        <translation>Nach Abwesenheit vom Computer fragen, während ein Timer läuft</translation>
    </message>
    <message>
        <source>After this long without keyboard or mouse input, with the screen locked or the computer asleep, you choose whether the timer keeps that time.</source>
        <translation>Nach so langer Zeit ohne Tastatur- oder Mauseingabe, bei gesperrtem Bildschirm oder im Ruhezustand entscheidest du, ob der Timer diese Zeit behält.</translation>
    </message>
    <message>
        <source>Minutes without input</source>
        <translation>Minuten ohne Eingabe</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nach</translation>
    </message>
    <message>
        <source>without input</source>
        <translation>ohne Eingabe</translation>
    </message>
    <message>
        <source>This desktop does not tell apps how long you have been idle ({0}). Only sleep is noticed.</source>
        <translation>Dieser Desktop teilt Apps nicht mit, wie lange du untätig warst ({0}). Nur der Ruhezustand wird erkannt.</translation>
    </message>
    <message>
        <source>Idle time from: {0}</source>
        <translation>Leerlaufzeit von: {0}</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} Min.</translation>
    </message>
</context>
<context>
    <name>Keychain</name>
    <message>
        <source>The system keychain is locked (or not set up yet), and it was not unlocked: the password prompt was dismissed or could not be shown. Unlock it, for example in your desktop&apos;s Passwords and Keys app, and try again.</source>
        <translation>Der Schlüsselbund des Systems ist gesperrt (oder noch nicht eingerichtet) und wurde nicht entsperrt: Die Passwortabfrage wurde abgebrochen oder konnte nicht angezeigt werden. Entsperre ihn, zum Beispiel in der App „Passwörter und Verschlüsselung“ deines Desktops, und versuche es erneut.</translation>
    </message>
    <message>
        <source>No system keychain found, so awork tray cannot remember your sign-in. On Linux install and unlock a Secret Service such as gnome-keyring or KWallet (and log in again); macOS and Windows have one built in.</source>
        <translation>Kein Schlüsselbund im System gefunden, daher kann sich awork tray deine Anmeldung nicht merken. Installiere und entsperre unter Linux einen Secret Service wie gnome-keyring oder KWallet (und melde dich neu an); macOS und Windows bringen einen mit.</translation>
    </message>
    <message>
        <source>The keychain could not be read: {0}</source>
        <translation>Der Schlüsselbund ließ sich nicht lesen: {0}</translation>
    </message>
    <message>
        <source>The keychain did not store the token: {0}</source>
        <translation>Der Schlüsselbund hat das Token nicht gespeichert: {0}</translation>
    </message>
    <message>
        <source>The keychain could not remove the token: {0}</source>
        <translation>Der Schlüsselbund konnte das Token nicht entfernen: {0}</translation>
    </message>
    <message>
        <source>Waiting for the keychain to be unlocked…</source>
        <translation>Warte darauf, dass der Schlüsselbund entsperrt wird…</translation>
    </message>
</context>
<context>
    <name>Notifications</name>
    <message>
        <source>Click here: {0}</source>
        <translation>Hier klicken: {0}</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>awork could not be reached, and your {0} could not be saved for later ({1}), so it was not done. Free some disk space, or try again when awork can be reached.</source>
        <translation>awork war nicht erreichbar, und deine Aktion „{0}“ konnte nicht für später gespeichert werden ({1}); sie wurde daher nicht ausgeführt. Schaffe etwas Speicherplatz frei oder versuche es erneut, wenn awork erreichbar ist.</translation>
    </message>
    <message>
        <source>Part of the offline queue could not be read and was not sent to awork; it is kept in {0}. Check it, then delete the file.</source>
        <translation>Ein Teil der Offline-Warteschlange konnte nicht gelesen werden und wurde nicht an awork gesendet; er liegt in {0}. Prüfe ihn und lösche die Datei danach.</translation>
    </message>
</context>
<context>
    <name>Popover</name>
    <message>
        <source>Sign in with awork…</source>
        <translation>Mit awork anmelden…</translation>
    </message>
    <message>
        <source>Search tasks, or type a key like WEB-12…</source>
        <translation>Aufgaben suchen oder ein Kürzel wie WEB-12 eingeben…</translation>
    </message>
    <message>
        <source>Search tasks and types of work</source>
        <translation>Aufgaben und Tätigkeiten suchen</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>Suche leeren</translation>
    </message>
    <message>
        <source>Type of work booked when the selected task starts</source>
        <translation>Tätigkeit, die beim Start der gewählten Aufgabe gebucht wird</translation>
    </message>
    <message>
        <source>Your tasks appear here once awork answers.</source>
        <translation>Deine Aufgaben erscheinen hier, sobald awork antwortet.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>the task&apos;s type of work</source>
        <translation>Tätigkeit der Aufgabe</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>Notiz (optional)</translation>
    </message>
    <message>
        <source>Quick start</source>
        <translation>Schnellstart</translation>
    </message>
    <message>
        <source>as (type of work for the timer)</source>
        <translation>als (Tätigkeit für den Timer)</translation>
    </message>
    <message>
        <source>Note for the time entry</source>
        <translation>Notiz für den Zeiteintrag</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <source>A built-in demo workspace: nothing is sent to awork.</source>
        <translation>Ein eingebauter Demo-Workspace: Es wird nichts an awork gesendet.</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <source>Quit awork tray</source>
        <translation>awork tray beenden</translation>
    </message>
    <message>
        <source>as</source>
        <translation>als</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Not signed in to awork.</source>
        <translation>Nicht bei awork angemeldet.</translation>
    </message>
    <message>
        <source>Can&apos;t reach awork — retrying in {0} s.</source>
        <translation>awork nicht erreichbar — neuer Versuch in {0} s.</translation>
    </message>
    <message>
        <source>Can&apos;t reach awork — retrying now…</source>
        <translation>awork nicht erreichbar — neuer Versuch läuft…</translation>
    </message>
    <message>
        <source>More: {0}</source>
        <translation>Mehr: {0}</translation>
    </message>
    <message>
        <source>{0} days</source>
        <translation>{0} Tage</translation>
    </message>
    <message>
        <source>{0} h {1} min</source>
        <translation>{0} Std. {1} Min.</translation>
    </message>
    <message>
        <source>{0} h</source>
        <translation>{0} Std.</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} Min.</translation>
    </message>
    <message>
        <source>Your computer&apos;s clock is {0} behind awork&apos;s; times shown follow awork.</source>
        <translation>Die Uhr deines Computers geht gegenüber awork {0} nach; angezeigte Zeiten richten sich nach awork.</translation>
    </message>
    <message>
        <source>Your computer&apos;s clock is {0} ahead of awork&apos;s; times shown follow awork.</source>
        <translation>Die Uhr deines Computers geht gegenüber awork {0} vor; angezeigte Zeiten richten sich nach awork.</translation>
    </message>
    <message>
        <source>Sending 1 offline action to awork…</source>
        <translation>1 Offline-Aktion wird an awork gesendet…</translation>
    </message>
    <message>
        <source>Sending {0} offline actions to awork…</source>
        <translation>{0} Offline-Aktionen werden an awork gesendet…</translation>
    </message>
    <message>
        <source>Choose a type of work…</source>
        <translation>Tätigkeit wählen…</translation>
    </message>
    <message>
        <source>Already running. Pause or Stop it above.</source>
        <translation>Läuft bereits. Oben pausieren oder stoppen.</translation>
    </message>
</context>
<context>
    <name>QuickList</name>
    <message>
        <source>Tasks and types of work</source>
        <translation>Aufgaben und Tätigkeiten</translation>
    </message>
    <message>
        <source>Recent tasks</source>
        <translation>Letzte Aufgaben</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>More from awork</source>
        <translation>Mehr aus awork</translation>
    </message>
    <message>
        <source>Types of work</source>
        <translation>Tätigkeiten</translation>
    </message>
    <message>
        <source>Start a timer for {0} without a task</source>
        <translation>Timer für {0} ohne Aufgabe starten</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Angeheftet</translation>
    </message>
    <message>
        <source>No matches in all of awork either.</source>
        <translation>Auch in ganz awork keine Treffer.</translation>
    </message>
    <message>
        <source>No matches. Press Enter to search all of awork.</source>
        <translation>Keine Treffer. Drücke Enter, um in ganz awork zu suchen.</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>1 result</source>
        <translation>1 Ergebnis</translation>
    </message>
    <message>
        <source>{0} results</source>
        <translation>{0} Ergebnisse</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>project done</source>
        <translation>Projekt erledigt</translation>
    </message>
    <message>
        <source>{0} pins it to the top of the list.</source>
        <translation>{0} heftet es oben an die Liste an.</translation>
    </message>
    <message>
        <source>without a task</source>
        <translation>ohne Aufgabe</translation>
    </message>
    <message>
        <source>type of work archived</source>
        <translation>Tätigkeit archiviert</translation>
    </message>
    <message>
        <source>“{0}”</source>
        <translation>„{0}“</translation>
    </message>
    <message>
        <source>Pinned. {0} unpins it, {1} and {2} move it.</source>
        <translation>Angeheftet. {0} löst es, {1} und {2} verschieben es.</translation>
    </message>
    <message>
        <source>as {0}</source>
        <translation>als {0}</translation>
    </message>
    <message>
        <source>note {0}</source>
        <translation>Notiz {0}</translation>
    </message>
    <message>
        <source>pinned</source>
        <translation>angeheftet</translation>
    </message>
    <message>
        <source>Unpinned {0}.</source>
        <translation>{0} gelöst.</translation>
    </message>
    <message>
        <source>You can pin up to {0} items. Unpin one first: {1} on a pinned row.</source>
        <translation>Du kannst bis zu {0} Einträge anheften. Löse zuerst einen: {1} auf einer angehefteten Zeile.</translation>
    </message>
    <message>
        <source>Already pinned.</source>
        <translation>Schon angeheftet.</translation>
    </message>
    <message>
        <source>Pinned {0} to the top.</source>
        <translation>{0} oben angeheftet.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>Lösen</translation>
    </message>
    <message>
        <source>Pin to the top</source>
        <translation>Oben anheften</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
</context>
<context>
    <name>ReminderSettings</name>
    <message>
        <source>Reminders</source>
        <translation>Erinnerungen</translation>
    </message>
    <message>
        <source>Remind me to track my time</source>
        <translation>Erinnere mich daran, meine Zeit zu erfassen</translation>
    </message>
    <message>
        <source>During working hours, when no timer has run for the time set below, a notification offers to continue your last task. At the end of the working day, a timer still running is pointed out.</source>
        <translation>Läuft während der Arbeitszeit so lange wie unten eingestellt kein Timer, bietet dir eine Benachrichtigung an, deine letzte Aufgabe fortzusetzen. Am Ende des Arbeitstags erfährst du, wenn noch ein Timer läuft.</translation>
    </message>
    <message>
        <source>Working hours from</source>
        <translation>Arbeitszeit von</translation>
    </message>
    <message>
        <source>Working hours until</source>
        <translation>Arbeitszeit bis</translation>
    </message>
    <message>
        <source>An end before the start ends the next day (a night shift).</source>
        <translation>Ein Ende vor dem Beginn endet am nächsten Tag (eine Nachtschicht).</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>min</source>
        <translation>Min.</translation>
    </message>
    <message>
        <source>Remind after this long without tracking</source>
        <translation>Erinnern nach so langer Zeit ohne Zeiterfassung</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>Arbeitstage</translation>
    </message>
    <message>
        <source>Working hours</source>
        <translation>Arbeitszeit</translation>
    </message>
    <message>
        <source>Remind after</source>
        <translation>Erinnern nach</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Still tracking “{0}” since {1} — stop?</source>
        <translation>„{0}“ läuft noch seit {1} – stoppen?</translation>
    </message>
    <message>
        <source>Still tracking since {0} — stop?</source>
        <translation>Der Timer läuft noch seit {0} – stoppen?</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Weiterlaufen lassen</translation>
    </message>
    <message>
        <source>Open quick start</source>
        <translation>Schnellstart öffnen</translation>
    </message>
    <message>
        <source>Not tracking — start a timer?</source>
        <translation>Keine Zeiterfassung – einen Timer starten?</translation>
    </message>
    <message>
        <source>Paused — continue “{0}”?</source>
        <translation>Pausiert – „{0}“ fortsetzen?</translation>
    </message>
    <message>
        <source>Not tracking — continue “{0}”?</source>
        <translation>Keine Zeiterfassung – „{0}“ fortsetzen?</translation>
    </message>
    <message>
        <source>Paused — continue?</source>
        <translation>Pausiert – fortsetzen?</translation>
    </message>
    <message>
        <source>Not tracking — continue the last entry?</source>
        <translation>Keine Zeiterfassung – den letzten Eintrag fortsetzen?</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Fortsetzen</translation>
    </message>
</context>
<context>
    <name>RemoteChange</name>
    <message>
        <source>your timer</source>
        <translation>dein Timer</translation>
    </message>
    <message>
        <source>Timer started in awork: {0}</source>
        <translation>Timer in awork gestartet: {0}</translation>
    </message>
    <message>
        <source>Timer stopped in awork: {0}</source>
        <translation>Timer in awork gestoppt: {0}</translation>
    </message>
    <message>
        <source>awork stopped your timer after 24 hours: {0}</source>
        <translation>awork hat deinen Timer nach 24 Stunden gestoppt: {0}</translation>
    </message>
    <message>
        <source>Timer paused in awork: {0}</source>
        <translation>Timer in awork pausiert: {0}</translation>
    </message>
    <message>
        <source>Timer resumed in awork: {0}</source>
        <translation>Timer in awork fortgesetzt: {0}</translation>
    </message>
</context>
<context>
    <name>Replay</name>
    <message>
        <source>Your offline {0} at {1} was not sent: the timer was changed in awork at {2}, and the newer change wins.</source>
        <translation>Deine Offline-Aktion „{0}“ von {1} wurde nicht gesendet: Der Timer wurde um {2} in awork geändert, und die neuere Änderung gilt.</translation>
    </message>
    <message>
        <source>awork did not accept your offline {0} at {1}: {2}</source>
        <translation>awork hat deine Offline-Aktion „{0}“ von {1} nicht angenommen: {2}</translation>
    </message>
    <message>
        <source>Your {0} at {1} reached awork at {2}; awork keeps that time for the break (breaks cannot be changed through its API).</source>
        <translation>Deine Aktion „{0}“ von {1} kam erst um {2} bei awork an; awork behält diese Zeit für die Pause (Pausen lassen sich über die API nicht ändern).</translation>
    </message>
    <message>
        <source>Your offline {0} at {1} was not sent: the timer it was made for no longer runs in awork.</source>
        <translation>Deine Offline-Aktion „{0}“ von {1} wurde nicht gesendet: Der Timer, für den sie gedacht war, läuft in awork nicht mehr.</translation>
    </message>
    <message>
        <source>awork recorded your {0} later than you made it; correcting the start to {1} failed: {2}</source>
        <translation>awork hat deine Aktion „{0}“ später erfasst, als du sie ausgeführt hast; den Beginn auf {1} zu korrigieren ist fehlgeschlagen: {2}</translation>
    </message>
    <message>
        <source>awork recorded your {0} later than you made it; correcting the end to {1} failed: {2}</source>
        <translation>awork hat deine Aktion „{0}“ später erfasst, als du sie ausgeführt hast; das Ende auf {1} zu korrigieren ist fehlgeschlagen: {2}</translation>
    </message>
    <message>
        <source>timer</source>
        <translation>Timer</translation>
    </message>
    <message>
        <source>Corrected in awork: {0} starts at {1}, when you acted offline.</source>
        <translation>In awork korrigiert: {0} beginnt um {1}, zum Zeitpunkt deiner Offline-Aktion.</translation>
    </message>
    <message>
        <source>Corrected in awork: {0} ends at {1}, when you acted offline.</source>
        <translation>In awork korrigiert: {0} endet um {1}, zum Zeitpunkt deiner Offline-Aktion.</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Your settings file {0} could not be read; awork tray starts with its default settings.</source>
        <translation>Deine Einstellungsdatei {0} konnte nicht gelesen werden; awork tray startet mit den Standardeinstellungen.</translation>
    </message>
    <message>
        <source>Your settings file could not be read; awork tray starts with its default settings. The damaged file is kept as {0}.</source>
        <translation>Deine Einstellungsdatei konnte nicht gelesen werden; awork tray startet mit den Standardeinstellungen. Die beschädigte Datei ist als {0} aufbewahrt.</translation>
    </message>
</context>
<context>
    <name>SettingsController</name>
    <message>
        <source>Open quick start</source>
        <translation>Schnellstart öffnen</translation>
    </message>
    <message>
        <source>Pause/resume or continue</source>
        <translation>Pausieren, fortsetzen oder weitermachen</translation>
    </message>
    <message>
        <source>Could not change it: {0}</source>
        <translation>Ließ sich nicht ändern: {0}</translation>
    </message>
    <message>
        <source>The pinned items could not be saved; they are kept until awork tray quits.</source>
        <translation>Die angehefteten Einträge konnten nicht gespeichert werden; sie bleiben, bis awork tray beendet wird.</translation>
    </message>
    <message>
        <source>Cannot read the start-on-login setting: {0}</source>
        <translation>Die Autostart-Einstellung lässt sich nicht lesen: {0}</translation>
    </message>
</context>
<context>
    <name>SettingsWindow</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Global shortcuts</source>
        <translation>Globale Tastenkürzel</translation>
    </message>
    <message>
        <source>Start on login</source>
        <translation>Beim Anmelden starten</translation>
    </message>
    <message>
        <source>Start awork tray when I log in</source>
        <translation>awork tray starten, wenn ich mich anmelde</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>Tray icon</source>
        <translation>Tray-Symbol</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Farbig</translation>
    </message>
    <message>
        <source>Monochrome, for light panels</source>
        <translation>Einfarbig, für helle Leisten</translation>
    </message>
    <message>
        <source>Monochrome, for dark panels</source>
        <translation>Einfarbig, für dunkle Leisten</translation>
    </message>
    <message>
        <source>Automatic: a template image that follows the menu bar on macOS, the colour icon elsewhere</source>
        <translation>Automatisch: unter macOS ein Vorlagenbild, das sich der Menüleiste anpasst, sonst das farbige Symbol</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Same as the system ({0})</source>
        <translation>Wie im System ({0})</translation>
    </message>
    <message>
        <source>Troubleshooting</source>
        <translation>Fehlersuche</translation>
    </message>
    <message>
        <source>Log file: {0}</source>
        <translation>Logdatei: {0}</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Log-Ordner öffnen</translation>
    </message>
    <message>
        <source>Demo workspace: nothing is sent to awork.</source>
        <translation>Demo-Workspace: Es wird nichts an awork gesendet.</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation>Nicht angemeldet.</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Sign in with awork…</source>
        <translation>Mit awork anmelden…</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>Set up in {0}</source>
        <translation>Eingerichtet in {0}</translation>
    </message>
    <message>
        <source>{0} is already used for “{1}”.</source>
        <translation>{0} wird bereits für „{1}“ verwendet.</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <source>The redirect URI must start with http://127.0.0.1: or http://localhost: (got {0}).</source>
        <translation>Die Weiterleitungs-URI muss mit http://127.0.0.1: oder http://localhost: beginnen (angegeben: {0}).</translation>
    </message>
    <message>
        <source>The redirect URI needs a port, such as http://127.0.0.1:48613/callback (got {0}).</source>
        <translation>Die Weiterleitungs-URI braucht einen Port, etwa http://127.0.0.1:48613/callback (angegeben: {0}).</translation>
    </message>
    <message>
        <source>The redirect URI must not contain &apos;?&apos; or &apos;#&apos;.</source>
        <translation>Die Weiterleitungs-URI darf weder &apos;?&apos; noch &apos;#&apos; enthalten.</translation>
    </message>
    <message>
        <source>Cannot listen for awork&apos;s answer on port {0}: {1}</source>
        <translation>Auf Port {0} lässt sich nicht auf die Antwort von awork warten: {1}</translation>
    </message>
    <message>
        <source>Another program is using port {0} on this computer, where awork tray waits for awork&apos;s answer. Close it and try again.</source>
        <translation>Ein anderes Programm belegt auf diesem Computer Port {0}, auf dem awork tray auf die Antwort von awork wartet. Schließe es und versuch es noch einmal.</translation>
    </message>
    <message>
        <source>The sign-in was cancelled in the browser, or awork did not allow it.</source>
        <translation>Die Anmeldung wurde im Browser abgebrochen, oder awork hat sie nicht erlaubt.</translation>
    </message>
    <message>
        <source>awork reported a problem: {0}</source>
        <translation>awork meldet ein Problem: {0}</translation>
    </message>
    <message>
        <source>awork&apos;s answer had no authorization code. Please start again.</source>
        <translation>Die Antwort von awork enthielt keinen Autorisierungscode. Bitte starte neu.</translation>
    </message>
    <message>
        <source>awork does not let awork tray register itself for this workspace. Ask a workspace admin to create a public API client (see the README, “Sign in”) and enter its client id under Advanced. awork said: {0}</source>
        <translation>awork erlaubt awork tray nicht, sich für diesen Workspace selbst zu registrieren. Bitte einen Workspace-Admin, einen öffentlichen API-Client anzulegen (siehe README, „Sign in“), und trage dessen Client-ID unter „Erweitert“ ein. awork meldet: {0}</translation>
    </message>
    <message>
        <source>awork&apos;s sign-in service cannot renew the sign-in right now ({0}); you stay signed in.</source>
        <translation>Der Anmeldedienst von awork kann die Anmeldung gerade nicht erneuern ({0}); du bleibst angemeldet.</translation>
    </message>
    <message>
        <source>Your awork sign-in has expired or was revoked. Sign in again.</source>
        <translation>Deine awork-Anmeldung ist abgelaufen oder wurde widerrufen. Melde dich erneut an.</translation>
    </message>
    <message>
        <source>awork did not accept the sign-in. Please try again.</source>
        <translation>awork hat die Anmeldung nicht akzeptiert. Bitte versuch es noch einmal.</translation>
    </message>
    <message>
        <source>No answer from the browser within a minute, so the sign-in was stopped. Start again when you are ready.</source>
        <translation>Innerhalb einer Minute kam keine Antwort vom Browser, daher wurde die Anmeldung beendet. Starte sie neu, wenn du so weit bist.</translation>
    </message>
    <message>
        <source>No answer from the browser within {0} minutes, so the sign-in was stopped. Start again when you are ready.</source>
        <translation>Innerhalb von {0} Minuten kam keine Antwort vom Browser, daher wurde die Anmeldung beendet. Starte sie neu, wenn du so weit bist.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to awork</source>
        <translation>Bei awork anmelden</translation>
    </message>
    <message>
        <source>awork tray signs in with your own awork account, in your browser. If you belong to several workspaces, you choose one there. Your sign-in is kept in the system keychain, never in a file.</source>
        <translation>awork tray meldet sich mit deinem eigenen awork-Konto an, in deinem Browser. Wenn du zu mehreren Workspaces gehörst, wählst du dort einen aus. Deine Anmeldung liegt im Schlüsselbund des Systems, nie in einer Datei.</translation>
    </message>
    <message>
        <source>Sign in with awork</source>
        <translation>Mit awork anmelden</translation>
    </message>
    <message>
        <source>Keep me signed in for this session only</source>
        <translation>Nur für diese Sitzung angemeldet bleiben</translation>
    </message>
    <message>
        <source>Sign-in link</source>
        <translation>Anmeldelink</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Link kopieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Erweitert</translation>
    </message>
    <message>
        <source>Only needed when your workspace does not let apps register themselves: a workspace admin creates a public API client in awork (Settings → Integrations → API clients) with the redirect URI {0} and gives you its client id. Leave both empty to let awork tray register itself.</source>
        <translation>Nur nötig, wenn dein Workspace Apps nicht erlaubt, sich selbst zu registrieren: Ein Workspace-Admin legt in awork einen öffentlichen API-Client an (Einstellungen → Integrationen → API-Clients) mit der Weiterleitungs-URI {0} und gibt dir dessen Client-ID. Lass beide Felder leer, damit sich awork tray selbst registriert.</translation>
    </message>
    <message>
        <source>registered automatically</source>
        <translation>automatisch registriert</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>Redirect URI</source>
        <translation>Weiterleitungs-URI</translation>
    </message>
    <message>
        <source>No browser could be opened. Copy the link below into a browser on this computer to sign in.</source>
        <translation>Es ließ sich kein Browser öffnen. Kopiere den Link unten in einen Browser auf diesem Computer, um dich anzumelden.</translation>
    </message>
    <message>
        <source>Waiting for your browser… Finish signing in there.</source>
        <translation>Warte auf deinen Browser… Schließ die Anmeldung dort ab.</translation>
    </message>
    <message>
        <source>You can still sign in: awork tray then keeps the sign-in in memory and asks again after it quits.</source>
        <translation>Du kannst dich trotzdem anmelden: awork tray behält die Anmeldung dann nur im Arbeitsspeicher und fragt nach dem Beenden erneut.</translation>
    </message>
</context>
<context>
    <name>SignInFlow</name>
    <message>
        <source>AWORK_API_TOKEN is set, so awork tray uses that token. Unset it to sign in with awork.</source>
        <translation>AWORK_API_TOKEN ist gesetzt, daher verwendet awork tray dieses Token. Entferne die Variable, um dich mit awork anzumelden.</translation>
    </message>
    <message>
        <source>Sign-in cancelled.</source>
        <translation>Anmeldung abgebrochen.</translation>
    </message>
</context>
<context>
    <name>TimeZone</name>
    <message>
        <source>TZ={0} is not an IANA time zone name such as &apos;Europe/Berlin&apos;; awork needs one to track time.</source>
        <translation>TZ={0} ist kein IANA-Zeitzonenname wie &apos;Europe/Berlin&apos;; awork braucht einen, um Zeit zu erfassen.</translation>
    </message>
    <message>
        <source>Cannot tell this computer&apos;s time zone: {0}</source>
        <translation>Die Zeitzone dieses Computers lässt sich nicht bestimmen: {0}</translation>
    </message>
    <message>
        <source>This computer&apos;s time zone {0} is not an IANA name such as &apos;Europe/Berlin&apos;.</source>
        <translation>Die Zeitzone {0} dieses Computers ist kein IANA-Name wie &apos;Europe/Berlin&apos;.</translation>
    </message>
</context>
<context>
    <name>TimerCard</name>
    <message>
        <source>Timer</source>
        <translation>Timer</translation>
    </message>
    <message>
        <source>“{0}”</source>
        <translation>„{0}“</translation>
    </message>
    <message>
        <source>since {0}</source>
        <translation>seit {0}</translation>
    </message>
    <message>
        <source>Elapsed time, paused</source>
        <translation>Erfasste Zeit, pausiert</translation>
    </message>
    <message>
        <source>Elapsed time</source>
        <translation>Erfasste Zeit</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>Resume timer</source>
        <translation>Timer fortsetzen</translation>
    </message>
    <message>
        <source>Pause timer</source>
        <translation>Timer pausieren</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stoppen</translation>
    </message>
    <message>
        <source>Stop timer</source>
        <translation>Timer stoppen</translation>
    </message>
    <message>
        <source>Edit timer</source>
        <translation>Timer bearbeiten</translation>
    </message>
    <message>
        <source>Edit the note, task, type, billable or start (Ctrl+E)</source>
        <translation>Notiz, Aufgabe, Tätigkeit, Abrechenbarkeit oder Beginn bearbeiten (Strg+E)</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Offline — retrying.</source>
        <translation>Offline — wird erneut versucht.</translation>
    </message>
    <message>
        <source>1 action waiting to be sent to awork.</source>
        <translation>1 Aktion wartet darauf, an awork gesendet zu werden.</translation>
    </message>
    <message>
        <source>{0} actions waiting to be sent to awork.</source>
        <translation>{0} Aktionen warten darauf, an awork gesendet zu werden.</translation>
    </message>
    <message>
        <source>Quick start…</source>
        <translation>Schnellstart…</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Sign in with awork…</source>
        <translation>Mit awork anmelden…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Continue: {0}</source>
        <translation>Fortsetzen: {0}</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} Min.</translation>
    </message>
    <message>
        <source>{0} h</source>
        <translation>{0} Std.</translation>
    </message>
    <message>
        <source>{0} h {1} min</source>
        <translation>{0} Std. {1} Min.</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>No timer running</source>
        <translation>Kein Timer läuft</translation>
    </message>
    <message>
        <source>Paused: {0}</source>
        <translation>Pausiert: {0}</translation>
    </message>
    <message>
        <source>Running: {0}</source>
        <translation>Läuft: {0}</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <source>Today {0} · This week {1}</source>
        <translation>Heute {0} · Diese Woche {1}</translation>
    </message>
    <message>
        <source>not signed in</source>
        <translation>nicht angemeldet</translation>
    </message>
    <message>
        <source>&lt; 1 min</source>
        <translation>&lt; 1 Min.</translation>
    </message>
    <message>
        <source>no timer running</source>
        <translation>es läuft kein Timer</translation>
    </message>
    <message>
        <source>Timer</source>
        <translation>Timer</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <source>Something went wrong; see the log file for details.</source>
        <translation>Etwas ist schiefgelaufen; Details stehen in der Logdatei.</translation>
    </message>
</context>
<context>
    <name>_HotkeyEditor</name>
    <message>
        <source>Clear the shortcut for {0}</source>
        <translation>Tastenkürzel für „{0}“ löschen</translation>
    </message>
    <message>
        <source>Click, then press the keys. The × clears the shortcut.</source>
        <translation>Klicke hinein und drücke dann die Tasten. Das × löscht das Tastenkürzel.</translation>
    </message>
    <message>
        <source>Reset to default</source>
        <translation>Auf Standard zurücksetzen</translation>
    </message>
    <message>
        <source>Reset {0} to default</source>
        <translation>{0} auf Standard zurücksetzen</translation>
    </message>
    <message>
        <source>Copy command</source>
        <translation>Befehl kopieren</translation>
    </message>
    <message>
        <source>Copy the command to paste into your desktop&apos;s keyboard shortcut settings</source>
        <translation>Kopiert den Befehl zum Einfügen in die Tastenkürzel-Einstellungen deiner Desktopumgebung</translation>
    </message>
    <message>
        <source>Copy command for {0}</source>
        <translation>Befehl für „{0}“ kopieren</translation>
    </message>
    <message>
        <source>You can bind this command in your desktop&apos;s keyboard shortcut settings instead: {0}</source>
        <translation>Du kannst stattdessen diesen Befehl in den Tastenkürzel-Einstellungen deiner Desktopumgebung zuweisen: {0}</translation>
    </message>
    <message>
        <source>Active.</source>
        <translation>Aktiv.</translation>
    </message>
    <message>
        <source>Off: no shortcut set.</source>
        <translation>Aus: kein Tastenkürzel festgelegt.</translation>
    </message>
    <message>
        <source>Setting up…</source>
        <translation>Wird eingerichtet…</translation>
    </message>
    <message>
        <source>Not available: {0}</source>
        <translation>Nicht verfügbar: {0}</translation>
    </message>
    <message>
        <source>Bind this command in your desktop&apos;s keyboard shortcut settings instead:</source>
        <translation>Weise stattdessen diesen Befehl in den Tastenkürzel-Einstellungen deiner Desktopumgebung zu:</translation>
    </message>
    <message>
        <source>Press a chord… (Tab or Esc keeps the current one)</source>
        <translation>Drück eine Tastenkombination… (Tab oder Esc behält die bisherige)</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
</context>
</TS>
