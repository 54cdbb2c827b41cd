#include "sandbox/launcher/sandboxenvironment.h"

#include "workspace/workspace.h"

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
                        u"The built-in sandbox instance (set at every start)"_s });
    for (const QString &name : { u"user"_s, u"password"_s }) {
        const bool present = std::any_of(variables.cbegin(), variables.cend(),
                                         [&name](const Variable &v) { return v.key == name; });
        if (!present)
            variables.append({ name, u"admin"_s, true, false, u"The sandbox's built-in user"_s });
    }
    return workspace->saveEnvironment(environment);
}

QString SandboxEnvironment::statusText(const QUrl &base)
{
    return u"Sandbox instance at %1 (user admin, password admin; OAuth client ID postern, secret postern-secret)"_s
        .arg(base.toString());
}

} // namespace Postern
