#include "workspace/workspace.h"

#include "base/atomicfile.h"
#include "base/jsonfile.h"
#include "base/logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

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
// Such a temporary file's name: "<name>.json.XXXXXX" or ".gitignore.XXXXXX", X a letter or digit.
bool isUnfinishedWrite(QStringView name)
{
    if (name.size() < 7 || name.at(name.size() - 7) != u'.')
        return false;
    for (const QChar c : name.last(6)) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z')))
            return false;
    }
    const QStringView file = name.chopped(7);
    return file == u".gitignore" || (file.size() > 5 && file.endsWith(u".json"));
}

void removeUnfinishedWrites(const QString &directory)
{
    const QDir dir(directory);
    for (const QFileInfo &info : dir.entryInfoList(QDir::Files | QDir::Hidden)) {
        if (isUnfinishedWrite(info.fileName()) && QFile::remove(info.filePath()))
            qCInfo(lcStore) << "workspace: removed an unfinished write," << info.fileName();
    }
}

// Replaces the element with value's id, or appends value; true when it was there already.
template<typename T> bool upsert(QList<T> &list, const T &value)
{
    for (T &existing : list) {
        if (existing.id == value.id) {
            existing = value;
            return true;
        }
    }
    list.append(value);
    return false;
}

// Deletes the file kept for id (if any) and forgets it; an error for people, empty on success.
QString removeFileOf(QHash<QString, QString> &files, const QString &id)
{
    const QString path = files.value(id);
    if (!path.isEmpty() && QFileInfo::exists(path) && !QFile::remove(path))
        return Workspace::tr("Could not delete %1.").arg(QDir::toNativeSeparators(path));
    files.remove(id);
    return {};
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

QString Workspace::folderOfManifest(const QString &path)
{
    const QFileInfo info(path);
    if (info.fileName() != u"workspace.json"_s || !info.isFile() || info.size() > 64 * 1024)
        return {};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
    if (!document.isObject() || document.object().value(u"postern"_s).toString() != u"workspace"_s)
        return {};
    return info.absolutePath();
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
    const QStringList folders { m_root, m_root + u"/collections"_s, m_root + u"/environments"_s,
                                stateDirectory() };
    for (const QString &folder : folders) {
        if (!dir.mkpath(folder)) {
            m_messages.append(
                tr("The workspace folder %1 cannot be created.").arg(QDir::toNativeSeparators(folder)));
            return false;
        }
    }
    for (const QString &folder : folders + QStringList { stateDirectory() + u"/drafts"_s })
        removeUnfinishedWrites(folder);
    const QString ignore = stateDirectory() + u"/.gitignore"_s;
    if (!QFileInfo::exists(ignore))
        AtomicFile::write(ignore, "# This machine's session, drafts, history and cookies.\n*\n");

    // The workspace's id names its secrets in the keychain. This machine keeps a copy of it in the state
    // folder, so that a workspace.json that was damaged, emptied or replaced by something else gets its
    // id back and the secrets stay found.
    const QString manifestPath = m_root + u"/workspace.json"_s;
    const QString idCopyPath = stateDirectory() + u"/workspace-id"_s;
    const QString idCopy = readIdCopy(idCopyPath);
    QByteArray manifest;
    if (readJsonFile(manifestPath, &manifest)) {
        const QJsonObject object = QJsonDocument::fromJson(manifest).object();
        m_id = object.value(u"id"_s).toString();
        if (m_id.isEmpty() || object.value(u"postern"_s).toString() != u"workspace"_s) {
            m_id.clear();
            setAside(manifestPath, tr("it is not a Postern workspace manifest with an id"));
        }
    }
    if (m_id.isEmpty()) {
        if (!idCopy.isEmpty()) {
            m_id = idCopy;
            m_messages.append(
                tr("workspace.json was written again with the workspace's id, which this machine "
                   "kept, so that its secrets are found."));
        } else {
            m_id = Collection::newId();
        }
        const QJsonObject object { { u"postern"_s, u"workspace"_s },
                                   { u"formatVersion"_s, 1 },
                                   { u"id"_s, m_id } };
        if (const QString error = AtomicFile::write(manifestPath, QJsonDocument(object).toJson());
            !error.isEmpty())
            m_messages.append(error);
    }
    if (idCopy != m_id)
        AtomicFile::write(idCopyPath, m_id.toUtf8() + '\n');
    readCollections();
    readEnvironments();
    readGlobals();
    for (const QString &text : std::as_const(m_messages))
        qCWarning(lcStore) << "workspace:" << text;
    return true;
}

QString Workspace::readIdCopy(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QString id = QString::fromUtf8(file.read(256)).trimmed();
    // Ids are what Collection::newId() makes (or a workspace.json from elsewhere gave): one line, no
    // path separators.
    const bool usable = !id.isEmpty() && !id.contains(u'/') && !id.contains(u'\n') && !id.contains(u'\\');
    return usable ? id : QString();
}

bool Workspace::readJsonFile(const QString &path, QByteArray *data)
{
    JsonFile::ReadResult file = JsonFile::read(path, JsonFile::Contents::Bytes);
    switch (file.status) {
    case JsonFile::Status::Ok:
        *data = std::move(file.data);
        return true;
    case JsonFile::Status::Missing:
        return false;
    case JsonFile::Status::TooLarge:
    case JsonFile::Status::NotJson:
        setAside(path, file.reason);
        return false;
    case JsonFile::Status::Unreadable:
        m_messages.append(file.reason);
        return false;
    }
    return false;
}

void Workspace::setAside(const QString &path, const QString &reason)
{
    // "It is not valid JSON (…)." → "it is not valid JSON (…)", to sit inside a sentence.
    QString why = reason.trimmed();
    if (why.endsWith(u'.'))
        why.chop(1);
    if (!why.isEmpty())
        why[0] = why.at(0).toLower();
    QString error;
    const QString kept = JsonFile::setAside(path, &error);
    const QString name = QDir(m_root).relativeFilePath(path);
    if (kept.isEmpty())
        m_messages.append(tr("%1 could not be read (%2) and %3").arg(name, why, error));
    else
        m_messages.append(
            tr("%1 could not be read (%2). It was kept as %3; the rest of the workspace is open.")
                .arg(name, why, QFileInfo(kept).fileName()));
}

void Workspace::readFolder(const QString &folder, const FileReader &take)
{
    const QDir dir(m_root + u'/' + folder);
    for (const QFileInfo &info : dir.entryInfoList({ u"*.json"_s }, QDir::Files, QDir::Name)) {
        QByteArray data;
        if (!readJsonFile(info.filePath(), &data))
            continue;
        QStringList problems;
        if (const QString error = take(info.filePath(), data, &problems); !error.isEmpty()) {
            setAside(info.filePath(), error);
            continue;
        }
        for (const QString &problem : std::as_const(problems))
            m_messages.append(folder + u'/' + info.fileName() + u": "_s + problem);
    }
}

void Workspace::readCollections()
{
    readFolder(u"collections"_s, [this](const QString &path, const QByteArray &data, QStringList *problems) {
        QString error;
        Collection collection = Collection::fromFileContents(data, &error, problems);
        if (!error.isEmpty())
            return error;
        if (m_collectionFiles.contains(collection.id)) {
            problems->append(tr("It has the same id as another collection; it was given a new one."));
            collection.id = Collection::newId();
        }
        m_collectionFiles.insert(collection.id, path);
        m_collections.append(collection);
        loadSecrets(u"collection"_s, collection.id);
        return QString();
    });
}

void Workspace::readEnvironments()
{
    readFolder(u"environments"_s, [this](const QString &path, const QByteArray &data, QStringList *problems) {
        QString error;
        Environment environment = Environment::fromFileContents(data, &error, problems);
        if (!error.isEmpty())
            return error;
        if (m_environmentFiles.contains(environment.id) || environment.id == m_globals.id)
            environment.id
                = Collection::newId(); // the globals' id is theirs (and names their keychain entry)
        m_environmentFiles.insert(environment.id, path);
        m_environments.append(environment);
        loadSecrets(u"environment"_s, environment.id);
        return QString();
    });
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
        setAside(path, error);
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

QString Workspace::writeFile(QHash<QString, QString> &files, const QString &folder, const QString &id,
                             const QString &name, const QByteArray &contents)
{
    QString path = files.value(id);
    if (path.isEmpty())
        path = uniquePath(m_root + u'/' + folder, name);
    if (const QString error = AtomicFile::write(path, contents); !error.isEmpty())
        return error;
    files.insert(id, path);
    return {};
}

QString Workspace::saveCollection(const Collection &collection)
{
    if (const QString error = writeFile(m_collectionFiles, u"collections"_s, collection.id, collection.name,
                                        collection.toFileContents());
        !error.isEmpty())
        return error;
    const bool known = upsert(m_collections, collection);
    storeSecrets(u"collection"_s, collection.id, WorkspaceSecrets::collect(collection));
    Q_EMIT collectionChanged(collection.id);
    if (!known)
        Q_EMIT collectionsChanged();
    return {};
}

QString Workspace::removeCollection(const QString &id)
{
    if (const QString error = removeFileOf(m_collectionFiles, id); !error.isEmpty())
        return error;
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
    if (environment.id.isEmpty() || environment.id == m_globals.id)
        return tr("An environment cannot have the id “%1”.").arg(environment.id);
    if (const QString error = writeFile(m_environmentFiles, u"environments"_s, environment.id,
                                        environment.name, environment.toFileContents());
        !error.isEmpty())
        return error;
    upsert(m_environments, environment);
    storeSecrets(u"environment"_s, environment.id, WorkspaceSecrets::collect(environment));
    Q_EMIT environmentsChanged();
    return {};
}

QString Workspace::removeEnvironment(const QString &id)
{
    if (const QString error = removeFileOf(m_environmentFiles, id); !error.isEmpty())
        return error;
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
    if (const QString error = AtomicFile::write(m_root + u"/globals.json"_s, m_globals.toFileContents());
        !error.isEmpty())
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

} // namespace Postern
