#include "workspace.h"

#include "atomicfile.h"
#include "logging.h"
#include "secretstore.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

constexpr qint64 maxFileSize = 64 * 1024 * 1024;

// A file name from a display name: letters, digits, - and _ kept, the rest folded to -.
QString fileStem(const QString &name)
{
    QString stem;
    for (const QChar c : name.trimmed().toLower()) {
        if (c.isLetterOrNumber() || c == u'_' || c == u'-')
            stem += c;
        else if (!stem.endsWith(u'-'))
            stem += u'-';
    }
    while (stem.endsWith(u'-'))
        stem.chop(1);
    while (stem.startsWith(u'-') || stem.startsWith(u'.'))
        stem.remove(0, 1);
    return stem.left(60).isEmpty() ? u"untitled"_s : stem.left(60);
}

// QSaveFile writes "<file>.XXXXXX" next to the file and renames it over the file when complete; a
// process killed in between leaves it behind. The file itself is whole (the old or the new version),
// so what is left is litter, which in collections/ would even show up in git.
void removeUnfinishedWrites(const QString &directory)
{
    static const QRegularExpression pattern(u"^(.+\\.json|\\.gitignore)\\.[A-Za-z0-9]{6}$"_s);
    const QDir dir(directory);
    for (const QFileInfo &info : dir.entryInfoList(QDir::Files | QDir::Hidden)) {
        if (pattern.match(info.fileName()).hasMatch() && QFile::remove(info.filePath()))
            qCInfo(lcStore) << "workspace: removed an unfinished write," << info.fileName();
    }
}

} // namespace

Workspace::Workspace(const QString &root, QObject *parent)
    : QObject(parent)
    , m_root(QDir::cleanPath(root))
{
    m_globals.name = u"Globals"_s;
    m_globals.id = u"globals"_s;
}

Workspace::~Workspace() = default;

QString Workspace::defaultRoot()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/Postern/workspace"_s;
}

QString Workspace::stateDirectory() const
{
    return m_root + u"/.postern"_s;
}

bool Workspace::open()
{
    m_messages.clear();
    m_collections.clear();
    m_collectionFiles.clear();
    m_environments.clear();
    m_environmentFiles.clear();
    QDir dir;
    const QStringList folders{m_root, m_root + u"/collections"_s, m_root + u"/environments"_s, stateDirectory()};
    for (const QString &folder : folders) {
        if (!dir.mkpath(folder)) {
            m_messages.append(u"The workspace folder %1 cannot be created."_s.arg(QDir::toNativeSeparators(folder)));
            return false;
        }
    }
    for (const QString &folder : folders + QStringList{stateDirectory() + u"/drafts"_s})
        removeUnfinishedWrites(folder);
    const QString ignore = stateDirectory() + u"/.gitignore"_s;
    if (!QFileInfo::exists(ignore))
        AtomicFile::write(ignore, "# This machine's session, drafts, history and cookies.\n*\n");

    const QString manifestPath = m_root + u"/workspace.json"_s;
    QByteArray manifest;
    if (readJsonFile(manifestPath, &manifest))
        m_id = QJsonDocument::fromJson(manifest).object().value(u"id"_s).toString();
    if (m_id.isEmpty()) {
        m_id = Collection::newId();
        const QJsonObject object{{u"postern"_s, u"workspace"_s}, {u"formatVersion"_s, 1}, {u"id"_s, m_id}};
        if (const QString error = AtomicFile::write(manifestPath, QJsonDocument(object).toJson()); !error.isEmpty())
            m_messages.append(error);
    }
    readCollections();
    readEnvironments();
    readGlobals();
    for (const QString &text : std::as_const(m_messages))
        qCWarning(lcStore) << "workspace:" << text;
    return true;
}

void Workspace::reloadSecrets()
{
    for (const Collection &collection : std::as_const(m_collections))
        loadSecrets(u"collection"_s, collection.id);
    for (const Environment &environment : std::as_const(m_environments))
        loadSecrets(u"environment"_s, environment.id);
    loadSecrets(u"environment"_s, m_globals.id);
}

bool Workspace::readJsonFile(const QString &path, QByteArray *data)
{
    if (QFileInfo(path).size() > maxFileSize) {
        setAside(path, u"it is larger than 64 MiB"_s);
        return false;
    }
    QString error;
    switch (AtomicFile::read(path, data, &error)) {
    case AtomicFile::ReadStatus::Ok:
        return true;
    case AtomicFile::ReadStatus::Missing:
        return false;
    case AtomicFile::ReadStatus::Failed:
        m_messages.append(error);
        return false;
    }
    return false;
}

void Workspace::setAside(const QString &path, const QString &why)
{
    QString error;
    const QString kept = AtomicFile::setAside(path, &error);
    const QString name = QDir(m_root).relativeFilePath(path);
    if (kept.isEmpty())
        m_messages.append(u"%1 could not be read (%2) and %3"_s.arg(name, why, error));
    else
        m_messages.append(u"%1 could not be read (%2). It was kept as %3; the rest of the workspace is open."_s.arg(
            name, why, QFileInfo(kept).fileName()));
}

void Workspace::readCollections()
{
    const QDir dir(m_root + u"/collections"_s);
    for (const QFileInfo &info : dir.entryInfoList({u"*.json"_s}, QDir::Files, QDir::Name)) {
        QByteArray data;
        if (!readJsonFile(info.filePath(), &data))
            continue;
        QString error;
        QStringList problems;
        Collection collection = Collection::fromFileContents(data, &error, &problems);
        if (!error.isEmpty()) {
            setAside(info.filePath(), error.chopped(1).toLower());
            continue;
        }
        if (m_collectionFiles.contains(collection.id)) {
            m_messages.append(u"collections/%1 has the same id as another collection; it was given a new one."_s.arg(
                info.fileName()));
            collection.id = Collection::newId();
        }
        for (const QString &problem : std::as_const(problems))
            m_messages.append(u"collections/%1: %2"_s.arg(info.fileName(), problem));
        m_collectionFiles.insert(collection.id, info.filePath());
        m_collections.append(collection);
        loadSecrets(u"collection"_s, collection.id);
    }
}

void Workspace::readEnvironments()
{
    const QDir dir(m_root + u"/environments"_s);
    for (const QFileInfo &info : dir.entryInfoList({u"*.json"_s}, QDir::Files, QDir::Name)) {
        QByteArray data;
        if (!readJsonFile(info.filePath(), &data))
            continue;
        QString error;
        QStringList problems;
        Environment environment = Environment::fromFileContents(data, &error, &problems);
        if (!error.isEmpty()) {
            setAside(info.filePath(), error.chopped(1).toLower());
            continue;
        }
        if (m_environmentFiles.contains(environment.id))
            environment.id = Collection::newId();
        for (const QString &problem : std::as_const(problems))
            m_messages.append(u"environments/%1: %2"_s.arg(info.fileName(), problem));
        m_environmentFiles.insert(environment.id, info.filePath());
        m_environments.append(environment);
        loadSecrets(u"environment"_s, environment.id);
    }
}

void Workspace::readGlobals()
{
    const QString path = m_root + u"/globals.json"_s;
    QByteArray data;
    if (!readJsonFile(path, &data))
        return;
    QString error;
    Environment globals = Environment::fromFileContents(data, &error);
    if (!error.isEmpty()) {
        setAside(path, error.chopped(1).toLower());
        return;
    }
    m_globals.variables = globals.variables;
    loadSecrets(u"environment"_s, m_globals.id);
}

const Collection *Workspace::collection(const QString &id) const
{
    for (const Collection &collection : m_collections) {
        if (collection.id == id)
            return &collection;
    }
    return nullptr;
}

QString Workspace::collectionPath(const QString &id) const
{
    return m_collectionFiles.value(id);
}

QString Workspace::uniquePath(const QString &directory, const QString &name) const
{
    const QString stem = fileStem(name);
    QString path = directory + u'/' + stem + u".json"_s;
    for (int n = 2; QFileInfo::exists(path); ++n)
        path = directory + u'/' + stem + u'-' + QString::number(n) + u".json"_s;
    return path;
}

QString Workspace::saveCollection(const Collection &collection)
{
    QString path = m_collectionFiles.value(collection.id);
    if (path.isEmpty())
        path = uniquePath(m_root + u"/collections"_s, collection.name);
    if (const QString error = AtomicFile::write(path, collection.toFileContents()); !error.isEmpty())
        return error;
    m_collectionFiles.insert(collection.id, path);
    bool known = false;
    for (Collection &existing : m_collections) {
        if (existing.id == collection.id) {
            existing = collection;
            known = true;
        }
    }
    if (!known)
        m_collections.append(collection);
    storeSecrets(u"collection"_s, collection.id, WorkspaceSecrets::collect(collection));
    Q_EMIT collectionChanged(collection.id);
    if (!known)
        Q_EMIT collectionsChanged();
    return {};
}

QString Workspace::removeCollection(const QString &id)
{
    const QString path = m_collectionFiles.value(id);
    if (!path.isEmpty() && QFileInfo::exists(path) && !QFile::remove(path))
        return u"Could not delete %1."_s.arg(QDir::toNativeSeparators(path));
    m_collectionFiles.remove(id);
    m_collections.removeIf([&id](const Collection &collection) { return collection.id == id; });
    forgetSecrets(u"collection"_s, id);
    Q_EMIT collectionsChanged();
    return {};
}

const Environment *Workspace::environment(const QString &id) const
{
    for (const Environment &environment : m_environments) {
        if (environment.id == id)
            return &environment;
    }
    return nullptr;
}

QString Workspace::saveEnvironment(const Environment &environment)
{
    QString path = m_environmentFiles.value(environment.id);
    if (path.isEmpty())
        path = uniquePath(m_root + u"/environments"_s, environment.name);
    if (const QString error = AtomicFile::write(path, environment.toFileContents()); !error.isEmpty())
        return error;
    m_environmentFiles.insert(environment.id, path);
    bool known = false;
    for (Environment &existing : m_environments) {
        if (existing.id == environment.id) {
            existing = environment;
            known = true;
        }
    }
    if (!known)
        m_environments.append(environment);
    storeSecrets(u"environment"_s, environment.id, WorkspaceSecrets::collect(environment));
    Q_EMIT environmentsChanged();
    return {};
}

QString Workspace::removeEnvironment(const QString &id)
{
    const QString path = m_environmentFiles.value(id);
    if (!path.isEmpty() && QFileInfo::exists(path) && !QFile::remove(path))
        return u"Could not delete %1."_s.arg(QDir::toNativeSeparators(path));
    m_environmentFiles.remove(id);
    m_environments.removeIf([&id](const Environment &environment) { return environment.id == id; });
    forgetSecrets(u"environment"_s, id);
    if (m_currentEnvironment == id)
        setCurrentEnvironmentId(QString());
    Q_EMIT environmentsChanged();
    return {};
}

QString Workspace::saveGlobals(const Environment &globals)
{
    m_globals.variables = globals.variables;
    if (const QString error = AtomicFile::write(m_root + u"/globals.json"_s, m_globals.toFileContents()); !error.isEmpty())
        return error;
    storeSecrets(u"environment"_s, m_globals.id, WorkspaceSecrets::collect(m_globals));
    Q_EMIT environmentsChanged();
    return {};
}

void Workspace::setCurrentEnvironmentId(const QString &id)
{
    const QString next = environment(id) ? id : QString();
    if (next == m_currentEnvironment)
        return;
    m_currentEnvironment = next;
    Q_EMIT currentEnvironmentChanged();
}

VariableResolver Workspace::resolver(const QString &collectionId) const
{
    const Environment *current = environment(m_currentEnvironment);
    const Collection *owner = collection(collectionId);
    return VariableResolver(current ? current->variables : VariableList(),
                            owner ? owner->variables : VariableList(), m_globals.variables);
}

QString Workspace::secretKey(const QString &kind, const QString &id) const
{
    return u"workspace/"_s + m_id + u'/' + kind + u'/' + id;
}

void Workspace::loadSecrets(const QString &kind, const QString &id)
{
    if (!m_secrets)
        return;
    const QString key = secretKey(kind, id);
    m_secrets->read(key, this, [this, kind, id, key](const SecretResult &result, const QByteArray &blob) {
        if (result.error == SecretError::NotFound)
            return;
        if (!result.ok()) {
            Q_EMIT message(u"The secret values of a %1 could not be read from %2: %3"_s.arg(
                kind, m_secrets ? m_secrets->displayName() : u"the keychain"_s, result.message));
            return;
        }
        m_storedSecrets.insert(key, blob);
        const WorkspaceSecrets::Map secrets = WorkspaceSecrets::fromBlob(blob);
        if (kind == u"collection"_s) {
            for (Collection &collection : m_collections) {
                if (collection.id == id) {
                    WorkspaceSecrets::apply(&collection, secrets);
                    Q_EMIT collectionChanged(id);
                }
            }
        } else if (id == m_globals.id) {
            WorkspaceSecrets::apply(&m_globals, secrets);
            Q_EMIT environmentsChanged();
        } else {
            for (Environment &environment : m_environments) {
                if (environment.id == id)
                    WorkspaceSecrets::apply(&environment, secrets);
            }
            Q_EMIT environmentsChanged();
        }
    });
}

void Workspace::storeSecrets(const QString &kind, const QString &id, const WorkspaceSecrets::Map &secrets)
{
    const QString key = secretKey(kind, id);
    const QByteArray blob = secrets.isEmpty() ? QByteArray() : WorkspaceSecrets::toBlob(secrets);
    if (m_storedSecrets.value(key) == blob)
        return;
    m_storedSecrets.insert(key, blob);
    if (!m_secrets)
        return;
    auto done = [this](const SecretResult &result) {
        if (!result.ok())
            Q_EMIT message(u"Secret values could not be saved in %1: %2"_s.arg(
                m_secrets ? m_secrets->displayName() : u"the keychain"_s, result.message));
    };
    if (blob.isEmpty())
        m_secrets->remove(key, this, done);
    else
        m_secrets->write(key, blob, this, done);
}

void Workspace::forgetSecrets(const QString &kind, const QString &id)
{
    storeSecrets(kind, id, {});
}

} // namespace Postern
