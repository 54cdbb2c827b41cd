#include "shared/privatekeyring.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace PrivateKeyring {

QString unavailable()
{
    if (QStandardPaths::findExecutable(u"dbus-run-session"_s).isEmpty())
        return u"dbus-run-session is missing: install the Debian package dbus"_s;
    if (QStandardPaths::findExecutable(u"gnome-keyring-daemon"_s).isEmpty())
        return u"gnome-keyring-daemon is missing: install the Debian package gnome-keyring"_s;
    return QString();
}

QProcessEnvironment isolatedEnvironment(const QString &root, const QString &name)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QStringList names = env.keys();
    for (const QString &variable : names) {
        if (variable.startsWith(u"DBUS_"_s) || variable.startsWith(u"GNOME_"_s)
            || variable.startsWith(u"KDE_"_s) || variable.startsWith(u"XDG_"_s) || variable == u"DISPLAY"_s
            || variable == u"WAYLAND_DISPLAY"_s || variable == u"DESKTOP_SESSION"_s
            || variable == u"SSH_AUTH_SOCK"_s)
            env.remove(variable);
    }
    const QDir dir(QDir(root).filePath(name));
    dir.mkpath(u"home/.local/share"_s);
    dir.mkpath(u"run"_s);
    QFile::setPermissions(dir.filePath(u"run"_s), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    env.insert(u"HOME"_s, dir.filePath(u"home"_s));
    env.insert(u"XDG_DATA_HOME"_s, dir.filePath(u"home/.local/share"_s));
    env.insert(u"XDG_CONFIG_HOME"_s, dir.filePath(u"home/.config"_s));
    env.insert(u"XDG_CACHE_HOME"_s, dir.filePath(u"home/.cache"_s));
    env.insert(u"XDG_RUNTIME_DIR"_s, dir.filePath(u"run"_s));
    return env;
}

bool writeBusConfig(const QString &root, const QString &busConfig)
{
    const QDir dir(root);
    if (!dir.mkpath(u"bus"_s))
        return false;
    QFile config(busConfig);
    if (!config.open(QIODevice::WriteOnly))
        return false;
    const QString xml = uR"(<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=%1</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
)"_s.arg(dir.filePath(u"bus"_s));
    return config.write(xml.toUtf8()) == xml.toUtf8().size();
}

QStringList keyringArguments(const QString &busConfig, const QString &program, const QStringList &arguments)
{
    // The keyring is created and unlocked with an empty password (the newline on its stdin).
    return QStringList { u"--config-file="_s + busConfig,
                         u"--"_s,
                         u"sh"_s,
                         u"-c"_s,
                         u"printf '\\n' | gnome-keyring-daemon --daemonize --unlock --components=secrets "
                         ">/dev/null || exit 97; exec \"$0\" \"$@\""_s,
                         program }
    + arguments;
}

int runChild(const QString &title, const QString &program, const QStringList &arguments,
             const QProcessEnvironment &env, int timeoutMs)
{
    std::fprintf(stdout, "--- %s\n", qPrintable(title));
    std::fflush(stdout);
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    child.setProcessEnvironment(env);
    child.start(program, arguments);
    if (!child.waitForStarted(10000)) {
        std::fprintf(stderr, "could not start %s: %s\n", qPrintable(program),
                     qPrintable(child.errorString()));
        return 1;
    }
    if (!child.waitForFinished(timeoutMs)) {
        std::fprintf(stderr, "%s did not finish within %d s\n", qPrintable(title), timeoutMs / 1000);
        child.kill();
        child.waitForFinished(5000);
        return 1;
    }
    if (child.exitStatus() != QProcess::NormalExit) {
        std::fprintf(stderr, "%s crashed\n", qPrintable(title));
        return 1;
    }
    return child.exitCode();
}

} // namespace PrivateKeyring
