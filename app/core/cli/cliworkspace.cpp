#include "cli/cliworkspace.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Postern {

CliWorkspace::CliWorkspace(const QString &root, QObject *parent)
    : QObject(parent)
    , m_context(std::make_unique<AppContext>(
          QStandardPaths::writableLocation(QStandardPaths::AppDataLocation), root, &m_settings))
{
    Workspace *workspace = m_context->workspace();
    connect(workspace, &Workspace::message, this, [this](const QString &text) { m_messages << text; });
    connect(m_context->tokens(), &TokenStore::errorOccurred, this,
            [this](const QString &text) { m_messages << text; });
    connect(m_context->tokens(), &TokenStore::loaded, this, [this] { m_tokensLoaded = true; });
    // AppContext hands the token store's secret store to the workspace when the tokens are loaded and
    // reads the secrets again; the last of those answers makes the workspace ready.
    connect(workspace, &Workspace::secretsLoaded, this, [this] {
        if (m_tokensLoaded)
            Q_EMIT ready();
    });
}

CliWorkspace::~CliWorkspace() = default;

QString CliWorkspace::notAWorkspace(const QString &root)
{
    const QDir dir(root);
    if (dir.exists()
        && (QFileInfo(dir.filePath(u"workspace.json"_s)).isFile()
            || QFileInfo(dir.filePath(u"collections"_s)).isDir()))
        return QString();
    return u"--workspace: \u201c%1\u201d is not a Postern workspace (it has no workspace.json and no "
           "collections folder)."_s.arg(root);
}

void CliWorkspace::open()
{
    m_context->start();
    m_messages << m_context->workspace()->messages();
}

const Collection *CliWorkspace::collection(const QString &nameOrId) const
{
    const Workspace *workspace = m_context->workspace();
    if (const Collection *byId = workspace->collection(nameOrId))
        return byId;
    const QList<Collection> &all = workspace->collections();
    for (const Collection &collection : all) {
        if (collection.name == nameOrId)
            return workspace->collection(collection.id);
    }
    return nullptr;
}

const Environment *CliWorkspace::environment(const QString &nameOrId) const
{
    const Workspace *workspace = m_context->workspace();
    if (const Environment *byId = workspace->environment(nameOrId))
        return byId;
    const QList<Environment> all = workspace->environments();
    for (const Environment &environment : all) {
        if (environment.name == nameOrId)
            return workspace->environment(environment.id);
    }
    return nullptr;
}

Environment CliWorkspace::globals() const
{
    return m_context->workspace()->globals();
}

QStringList CliWorkspace::collectionNames() const
{
    QStringList names;
    const QList<Collection> all = m_context->workspace()->collections();
    for (const Collection &collection : all)
        names << collection.name;
    names.sort(Qt::CaseInsensitive);
    return names;
}

} // namespace Postern
