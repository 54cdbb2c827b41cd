#include "sandbox/launcher/sandboxenvironment.h"

#include "workspace/workspace.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Postern {

QString SandboxEnvironment::apply(Workspace *workspace, const QUrl &base)
{
    Environment environment = Environment::make(u"Sandbox"_s);
    environment.id = id();
    if (const Environment *existing = workspace->environment(environment.id))
        environment = *existing;
    VariableList &variables = environment.variables;
    variables.removeIf([](const Variable &v) { return v.key == u"instance"_s; });
    variables.prepend({ u"instance"_s, base.toString(QUrl::StripTrailingSlash), true, false,
                        QCoreApplication::translate("Postern::SandboxEnvironment",
                                                    "The built-in sandbox instance (set at every start)") });
    for (const QString &name : { u"user"_s, u"password"_s }) {
        const bool present = std::any_of(variables.cbegin(), variables.cend(),
                                         [&name](const Variable &v) { return v.key == name; });
        if (!present)
            variables.append({ name, u"admin"_s, true, false,
                               QCoreApplication::translate("Postern::SandboxEnvironment",
                                                           "The sandbox's built-in user") });
    }
    return workspace->saveEnvironment(environment);
}

QString SandboxEnvironment::statusText(const QUrl &base)
{
    return QCoreApplication::translate("Postern::SandboxEnvironment",
                                       "Sandbox instance at %1 (user admin, password admin; OAuth client ID "
                                       "postern, secret postern-secret)")
        .arg(base.toString());
}

} // namespace Postern
