#include "sandbox/launcher/sandboxenvironment.h"
#include "workspace/workspace.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

namespace QTest {
template<> char *toString(const Variable &variable)
{
    return qstrdup(qPrintable(
        u"%1=%2 (%3%4) %5"_s.arg(variable.key, variable.value, variable.enabled ? u"on"_s : u"off"_s,
                                 variable.secret ? u", secret"_s : QString(), variable.description)));
}
} // namespace QTest

// The "Sandbox" environment the app keeps pointing at the built-in sandbox instance, in a real
// workspace folder and without a window: created on a fresh workspace, updated on an existing one.
class tst_SandboxEnvironment : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void freshWorkspace();
    void existingEnvironmentIsUpdated();
    void statusText();
};

void tst_SandboxEnvironment::freshWorkspace()
{
    QTemporaryDir root;
    Workspace workspace(root.path());
    QVERIFY(workspace.open());
    QCOMPARE(SandboxEnvironment::apply(&workspace, QUrl(u"http://127.0.0.1:8123"_s)), QString());

    const Environment *environment = workspace.environment(u"sandbox"_s);
    QVERIFY(environment);
    QCOMPARE(environment->name, u"Sandbox"_s);
    const VariableList expected = {
        { u"instance"_s, u"http://127.0.0.1:8123"_s, true, false,
          u"The built-in sandbox instance (set at every start)"_s },
        { u"user"_s, u"admin"_s, true, false, u"The sandbox's built-in user"_s },
        { u"password"_s, u"admin"_s, true, false, u"The sandbox's built-in user"_s },
    };
    QCOMPARE(environment->variables, expected);

    // Kept in the workspace's files: a second opening reads it back.
    Workspace reopened(root.path());
    QVERIFY(reopened.open());
    QVERIFY(reopened.environment(u"sandbox"_s));
    QCOMPARE(reopened.environment(u"sandbox"_s)->variables, expected);
}

void tst_SandboxEnvironment::existingEnvironmentIsUpdated()
{
    QTemporaryDir root;
    Workspace workspace(root.path());
    QVERIFY(workspace.open());
    Environment mine = Environment::make(u"My sandbox"_s);
    mine.id = u"sandbox"_s;
    mine.variables = {
        { u"token"_s, u"abc"_s, true, true, QString() },
        { u"user"_s, u"itil"_s, true, false, u"mine"_s },
        { u"instance"_s, u"http://127.0.0.1:1"_s, true, false, QString() },
    };
    QCOMPARE(workspace.saveEnvironment(mine), QString());

    QCOMPARE(SandboxEnvironment::apply(&workspace, QUrl(u"http://127.0.0.1:9000"_s)), QString());
    const Environment *environment = workspace.environment(u"sandbox"_s);
    QVERIFY(environment);
    QCOMPARE(environment->name, u"My sandbox"_s); // the user's name and edits stay
    const VariableList expected = {
        { u"instance"_s, u"http://127.0.0.1:9000"_s, true, false,
          u"The built-in sandbox instance (set at every start)"_s },
        { u"token"_s, u"abc"_s, true, true, QString() },
        { u"user"_s, u"itil"_s, true, false, u"mine"_s },
        { u"password"_s, u"admin"_s, true, false, u"The sandbox's built-in user"_s },
    };
    QCOMPARE(environment->variables, expected);
    QCOMPARE(workspace.environments().size(), 1);
}

void tst_SandboxEnvironment::statusText()
{
    QCOMPARE(
        SandboxEnvironment::statusText(QUrl(u"http://127.0.0.1:8123"_s)),
        u"Sandbox instance at http://127.0.0.1:8123 (user admin, password admin; OAuth client ID postern, "
        u"secret postern-secret)"_s);
}

QTEST_GUILESS_MAIN(tst_SandboxEnvironment)
#include "tst_sandboxenvironment.moc"
