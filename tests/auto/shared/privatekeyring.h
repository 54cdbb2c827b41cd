#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// Worlds of their own for tests that need the OS keychain, never the user's: a temporary HOME and XDG
// directories, no desktop variables, and a private D-Bus session (dbus-run-session, no service
// activation) on which gnome-keyring-daemon provides the Secret Service with a "login" keyring
// created and unlocked with an empty password. A test executable runs itself again in such a world.
namespace PrivateKeyring {

// Why such a world cannot be had here (the Debian package to install); empty when it can.
QString unavailable();

// The environment of the world named name under root (root/name/home, root/name/run, …).
QProcessEnvironment isolatedEnvironment(const QString &root, const QString &name);

// A session bus configuration at busConfig whose socket lives under root.
bool writeBusConfig(const QString &root, const QString &busConfig);

// dbus-run-session's arguments that start gnome-keyring on the private bus and then run program.
QStringList keyringArguments(const QString &busConfig, const QString &program, const QStringList &arguments);

// Runs program to its end with its output forwarded under a "--- title" line; its exit code, or 1
// when it could not start, crashed or took longer than timeoutMs.
int runChild(const QString &title, const QString &program, const QStringList &arguments,
             const QProcessEnvironment &env, int timeoutMs = 60000);

} // namespace PrivateKeyring
