#pragma once

#include "sandbox/registry.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Postern::Sandbox {

// One field of a record. Every value is a string, as in ServiceNow; a reference field also names the
// table it points into, and a choice or reference field may have a display value.
struct Field
{
    QString name;
    QString value;
    QString display; // empty: same as value
    QString referenceTable; // non-empty for reference fields

    bool isReference() const { return !referenceTable.isEmpty(); }
    QString displayValue() const { return display.isEmpty() && !isReference() ? value : display; }
};

struct Record
{
    QList<Field> fields; // in the order ServiceNow answers them

    const Field *field(const QString &name) const;
    QString sysId() const;
};

// The seeded, deterministic data of the instance: the incident table (64 records), sys_user (the
// registry's users plus a few directory users who cannot sign in) and sys_user_group. Read-only after
// construction; owned by the server.
class IncidentTable
{
public:
    explicit IncidentTable(const QList<User> &users);

    static QStringList tableNames();

    // nullptr for an unknown table.
    const QList<Record> *records(const QString &table) const;
    const Record *find(const QString &table, const QString &sysId) const;

    // Whether path names a field of table; one level of dot-walking through a reference is allowed
    // ("caller_id.name").
    bool hasField(const QString &table, const QString &path) const;

    // The field at path for record of table, following one reference for dot-walked paths. nullopt when
    // the path does not exist; an empty field when the reference is empty.
    std::optional<Field> resolve(const QString &table, const Record &record, const QString &path) const;

private:
    void seedUsers(const QList<User> &users);
    void seedGroups();
    void seedIncidents();

    QHash<QString, QList<Record>> m_tables;
};

} // namespace Postern::Sandbox
