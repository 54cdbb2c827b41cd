#include "sandbox/incidenttable.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QTimeZone>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Postern::Sandbox {

namespace {

constexpr int incidentCount = 64;
const auto dateFormat = u"yyyy-MM-dd HH:mm:ss"_s;

// A small fixed generator so the seeded data is identical on every Qt version and platform.
class Dice
{
public:
    explicit Dice(quint64 seed)
        : m_state(seed)
    {
    }
    int roll(int n)
    {
        m_state = m_state * 6364136223846793005ULL + 1442695040888963407ULL;
        return int((m_state >> 33) % quint64(n));
    }
    template<typename T> const T &pick(const QList<T> &list) { return list.at(roll(int(list.size()))); }

private:
    quint64 m_state;
};

QString hexId(const QString &seed)
{
    return QString::fromLatin1(QCryptographicHash::hash(seed.toUtf8(), QCryptographicHash::Md5).toHex());
}

Field plain(const QString &name, const QString &value, const QString &display = QString())
{
    return Field { name, value, display, QString() };
}

Field reference(const QString &name, const QString &table, const Record *target)
{
    if (!target)
        return Field { name, QString(), QString(), table };
    const Field *label = target->field(u"name"_s);
    return Field { name, target->sysId(), label ? label->value : QString(), table };
}

QString stamp(const QDateTime &time)
{
    return time.toString(dateFormat);
}

struct Person
{
    QString userName, first, last, title;
};

const QList<Person> &directoryPeople()
{
    static const QList<Person> people = {
        { u"beth.anglin"_s, u"Beth"_s, u"Anglin"_s, u"Service Desk Analyst"_s },
        { u"david.loo"_s, u"David"_s, u"Loo"_s, u"Network Engineer"_s },
        { u"fred.luddy"_s, u"Fred"_s, u"Luddy"_s, u"Database Administrator"_s },
        { u"bud.richman"_s, u"Bud"_s, u"Richman"_s, u"Sales Manager"_s },
        { u"charlie.whitherspoon"_s, u"Charlie"_s, u"Whitherspoon"_s, u"Accountant"_s },
        { u"don.goodliffe"_s, u"Don"_s, u"Goodliffe"_s, u"Hardware Technician"_s },
        { u"itil"_s, u"ITIL"_s, u"User"_s, u"Support Engineer"_s },
        { u"joe.employee"_s, u"Joe"_s, u"Employee"_s, u"Marketing Specialist"_s },
        { u"renee.mcclure"_s, u"Renée"_s, u"McClure"_s, u"HR Partner"_s },
    };
    return people;
}

struct Category
{
    QString value, label;
    QStringList subcategories;
};

const QList<Category> &categories()
{
    static const QList<Category> list = {
        { u"inquiry"_s, u"Inquiry / Help"_s, { u"antivirus"_s, u"email"_s, u"internal application"_s } },
        { u"software"_s, u"Software"_s, { u"email"_s, u"os"_s, u"operating system"_s } },
        { u"hardware"_s, u"Hardware"_s, { u"cpu"_s, u"disk"_s, u"keyboard"_s, u"monitor"_s, u"mouse"_s } },
        { u"network"_s, u"Network"_s, { u"dhcp"_s, u"dns"_s, u"vpn"_s, u"wireless"_s } },
        { u"database"_s, u"Database"_s, { u"db2"_s, u"oracle"_s, u"sql server"_s } },
    };
    return list;
}

const QStringList &shortDescriptions()
{
    static const QStringList list = {
        u"Unable to connect to VPN from home office"_s,
        u"Email not syncing on mobile device"_s,
        u"Printer on 3rd floor keeps jamming"_s,
        u"SAP login fails with \"password expired\""_s,
        u"Laptop very slow after latest Windows update"_s,
        u"Cannot access shared drive \\\\fs01\\finance"_s,
        u"Outlook crashes when opening PDF attachments"_s,
        u"Request for a second monitor"_s,
        u"Wi-Fi drops intermittently in building B"_s,
        u"Password reset for Active Directory account"_s,
        u"No audio in Teams calls"_s,
        u"Intranet returns 503 Service Unavailable"_s,
        u"Nightly database backup job failed"_s,
        u"Blue screen after connecting docking station"_s,
        u"Salesforce dashboard not loading"_s,
        u"Keyboard unresponsive after coffee spill"_s,
        u"Payroll application times out at login"_s,
        u"Disk space low on file server FS02"_s,
        u"Desk phone extension 4417 not ringing"_s,
        u"Unable to install Adobe Acrobat Reader"_s,
        u"Excel macros fail after Office update"_s,
        u"Badge reader at main entrance not working"_s,
        u"Need access to HR SharePoint site"_s,
        u"Slow network in Chicago office"_s,
        u"Expense report upload fails with error 413"_s,
        u"Mailbox full warning every morning"_s,
        u"Account locked out after failed logins"_s,
        u"Monitor flickering on HDMI input"_s,
        u"ERP invoice posting error <INV-2291>"_s,
        u"Cannot share screen to meeting room display"_s,
        u"Antivirus quarantined a suspicious file"_s,
        u"Mouse double-clicks on single click"_s,
        u"Citrix session disconnects every 10 minutes"_s,
        u"Git server unreachable from build agents"_s,
        u"Certificate expired on intranet portal"_s,
        u"Calendar invites from partners not arriving"_s,
        u"Scanner sends empty PDFs & no error"_s,
        u"Café point-of-sale terminal offline"_s,
        u"CRM not reachable from tablet"_s,
        u"License request for Microsoft Visio"_s,
    };
    return list;
}

QString priorityFor(int urgency, int impact)
{
    static const int matrix[3][3] = { { 1, 2, 3 }, { 2, 3, 4 }, { 3, 4, 5 } };
    return QString::number(matrix[urgency - 1][impact - 1]);
}

QString priorityLabel(const QString &priority)
{
    static const QStringList labels
        = { u"1 - Critical"_s, u"2 - High"_s, u"3 - Moderate"_s, u"4 - Low"_s, u"5 - Planning"_s };
    return labels.value(priority.toInt() - 1);
}

QString levelLabel(int level)
{
    static const QStringList labels = { u"1 - High"_s, u"2 - Medium"_s, u"3 - Low"_s };
    return labels.value(level - 1);
}

QString stateLabel(const QString &state)
{
    static const QHash<QString, QString> labels
        = { { u"1"_s, u"New"_s },      { u"2"_s, u"In Progress"_s }, { u"3"_s, u"On Hold"_s },
            { u"6"_s, u"Resolved"_s }, { u"7"_s, u"Closed"_s },      { u"8"_s, u"Canceled"_s } };
    return labels.value(state);
}

} // namespace

const Field *Record::field(const QString &name) const
{
    for (const Field &f : fields) {
        if (f.name == name)
            return &f;
    }
    return nullptr;
}

QString Record::sysId() const
{
    const Field *f = field(u"sys_id"_s);
    return f ? f->value : QString();
}

IncidentTable::IncidentTable(const QList<User> &users)
{
    seedUsers(users);
    seedGroups();
    seedIncidents();
}

QStringList IncidentTable::tableNames()
{
    return { u"incident"_s, u"sys_user"_s, u"sys_user_group"_s };
}

const QList<Record> *IncidentTable::records(const QString &table) const
{
    const auto it = m_tables.constFind(table);
    return it == m_tables.constEnd() ? nullptr : &it.value();
}

const Record *IncidentTable::find(const QString &table, const QString &sysId) const
{
    const QList<Record> *list = records(table);
    if (!list || sysId.isEmpty())
        return nullptr;
    for (const Record &record : *list) {
        if (record.sysId() == sysId)
            return &record;
    }
    return nullptr;
}

bool IncidentTable::hasField(const QString &table, const QString &path) const
{
    const QList<Record> *list = records(table);
    if (!list || list->isEmpty())
        return false;
    const qsizetype dot = path.indexOf(u'.');
    const Field *base = list->first().field(dot < 0 ? path : path.left(dot));
    if (!base)
        return false;
    if (dot < 0)
        return true;
    if (!base->isReference() || path.indexOf(u'.', dot + 1) >= 0)
        return false;
    return hasField(base->referenceTable, path.mid(dot + 1));
}

std::optional<Field> IncidentTable::resolve(const QString &table, const Record &record,
                                            const QString &path) const
{
    if (!hasField(table, path))
        return std::nullopt;
    const qsizetype dot = path.indexOf(u'.');
    if (dot < 0)
        return *record.field(path);
    const Field *base = record.field(path.left(dot));
    const Record *target = base ? find(base->referenceTable, base->value) : nullptr;
    const Field *walked = target ? target->field(path.mid(dot + 1)) : nullptr;
    Field result = walked ? *walked : Field { QString(), QString(), QString(), QString() };
    result.name = path;
    return result;
}

void IncidentTable::seedUsers(const QList<User> &users)
{
    QList<Record> &table = m_tables[u"sys_user"_s];
    const QDateTime created(QDate(2023, 11, 6), QTime(9, 12, 40), QTimeZone::utc());
    auto add = [&](const QString &userName, const QString &sysId, const QString &first, const QString &last,
                   const QString &title, int index) {
        const QString fullName = QString(first + u' ' + last).trimmed();
        const QString email
            = userName.contains(u'.') || userName == u"admin" ? userName + u"@example.com"_s : QString();
        const QDateTime updated = created.addDays(index * 3 + 1).addSecs(index * 517);
        Record record;
        record.fields = { plain(u"calendar_integration"_s, u"1"_s),
                          plain(u"country"_s, QString()),
                          plain(u"last_login_time"_s, stamp(updated.addDays(30))),
                          plain(u"source"_s, QString()),
                          plain(u"sys_updated_on"_s, stamp(updated)),
                          plain(u"building"_s, QString()),
                          plain(u"web_service_access_only"_s, u"false"_s),
                          plain(u"notification"_s, u"2"_s, u"Enable"_s),
                          plain(u"sys_updated_by"_s, u"admin"_s),
                          plain(u"sys_created_on"_s, stamp(created.addSecs(index * 61))),
                          plain(u"vip"_s, u"false"_s),
                          plain(u"sys_created_by"_s, u"admin"_s),
                          plain(u"active"_s, u"true"_s),
                          plain(u"sys_domain_path"_s, u"/"_s),
                          plain(u"phone"_s, QString()),
                          plain(u"name"_s, fullName),
                          plain(u"employee_number"_s, QString()),
                          plain(u"failed_attempts"_s, u"0"_s),
                          plain(u"user_name"_s, userName),
                          plain(u"title"_s, title),
                          plain(u"sys_class_name"_s, u"sys_user"_s),
                          plain(u"sys_id"_s, sysId),
                          plain(u"first_name"_s, first),
                          plain(u"email"_s, email),
                          plain(u"locked_out"_s, u"false"_s),
                          plain(u"sys_mod_count"_s, QString::number(index % 7)),
                          plain(u"last_name"_s, last),
                          plain(u"time_zone"_s, QString()) };
        table.append(record);
    };
    int index = 0;
    for (const User &user : users) {
        const QString name = user.name.isEmpty() ? user.userName : user.name;
        const qsizetype space = name.lastIndexOf(u' ');
        add(user.userName, user.sysId, space < 0 ? name : name.left(space),
            space < 0 ? QString() : name.mid(space + 1),
            user.userName == u"admin" ? u"System Administrator"_s : QString(), index++);
    }
    for (const Person &person : directoryPeople()) {
        const bool taken = std::any_of(users.cbegin(), users.cend(),
                                       [&](const User &u) { return u.userName == person.userName; });
        if (!taken)
            add(person.userName, hexId(u"sys_user:"_s + person.userName), person.first, person.last,
                person.title, index++);
    }
}

void IncidentTable::seedGroups()
{
    static const QList<QPair<QString, QString>> groups = {
        { u"Service Desk"_s, u"First line support for all employees."_s },
        { u"Hardware"_s, u"Laptops, desktops, printers and peripherals."_s },
        { u"Network"_s, u"LAN, WAN, Wi-Fi and VPN."_s },
        { u"Software"_s, u"Business applications and office software."_s },
        { u"Database"_s, u"Database administration and backups."_s },
        { u"IT Securities"_s, u"Security operations and incident response."_s },
    };
    const QList<Record> &users = m_tables.value(u"sys_user"_s);
    QList<Record> &table = m_tables[u"sys_user_group"_s];
    const QDateTime created(QDate(2023, 10, 2), QTime(14, 3, 11), QTimeZone::utc());
    for (qsizetype i = 0; i < groups.size(); ++i) {
        const QString &name = groups.at(i).first;
        const Record *manager = users.isEmpty() ? nullptr : &users.at((i + 2) % users.size());
        Record record;
        record.fields = { plain(u"parent"_s, QString()),
                          reference(u"manager"_s, u"sys_user"_s, manager),
                          plain(u"roles"_s, QString()),
                          plain(u"sys_mod_count"_s, QString::number(i)),
                          plain(u"active"_s, u"true"_s),
                          plain(u"description"_s, groups.at(i).second),
                          plain(u"source"_s, QString()),
                          plain(u"sys_updated_on"_s, stamp(created.addDays(i * 11))),
                          plain(u"type"_s, QString()),
                          plain(u"sys_id"_s, hexId(u"sys_user_group:"_s + name)),
                          plain(u"sys_updated_by"_s, u"admin"_s),
                          plain(u"cost_center"_s, QString()),
                          plain(u"default_assignee"_s, QString()),
                          plain(u"sys_created_on"_s, stamp(created.addSecs(i * 97))),
                          plain(u"name"_s, name),
                          plain(u"exclude_manager"_s, u"false"_s),
                          plain(u"email"_s, name.toLower().replace(u' ', u'.') + u"@example.com"_s),
                          plain(u"include_members"_s, u"false"_s),
                          plain(u"sys_created_by"_s, u"admin"_s) };
        table.append(record);
    }
}

void IncidentTable::seedIncidents()
{
    const QList<Record> &users = m_tables.value(u"sys_user"_s);
    const QList<Record> &groups = m_tables.value(u"sys_user_group"_s);
    QList<Record> &table = m_tables[u"incident"_s];
    Dice dice(20240301);
    static const QList<QString> states
        = { u"1"_s, u"1"_s, u"2"_s, u"2"_s, u"2"_s, u"3"_s, u"6"_s, u"7"_s, u"7"_s, u"8"_s };
    static const QList<QPair<QString, QString>> contacts = { { u"phone"_s, u"Phone"_s },
                                                             { u"email"_s, u"Email"_s },
                                                             { u"self-service"_s, u"Self-service"_s },
                                                             { u"walk-in"_s, u"Walk-in"_s } };
    const QDateTime start(QDate(2024, 3, 1), QTime(8, 4, 17), QTimeZone::utc());

    for (int i = 1; i <= incidentCount; ++i) {
        const QString number = u"INC"_s + QString::number(10000 + i).rightJustified(7, u'0');
        const QString sysId = hexId(u"incident:"_s + number);
        const QString shortDescription = shortDescriptions().at((i * 7) % shortDescriptions().size());
        const Category &category = dice.pick(categories());
        const QString subcategory = dice.pick(category.subcategories);
        const QString state = dice.pick(states);
        const int urgency = 1 + dice.roll(3);
        const int impact = 1 + dice.roll(3);
        const QString priority = priorityFor(urgency, impact);
        const bool active = state != u"7" && state != u"8";
        const Record *caller = users.isEmpty() ? nullptr : &users.at(dice.roll(int(users.size())));
        const Record *opener = users.isEmpty() ? nullptr : &users.at(dice.roll(2) % users.size());
        const Record *group = groups.isEmpty() ? nullptr : &groups.at(dice.roll(int(groups.size())));
        const Record *assignee
            = state == u"1" || users.isEmpty() ? nullptr : &users.at(dice.roll(int(users.size())));
        const QDateTime opened = start.addSecs(qint64(i) * 9 * 3600 + dice.roll(3600));
        const QDateTime updated = opened.addSecs(600 + dice.roll(5 * 86400));
        const bool resolved = state == u"6" || state == u"7";
        const auto &contact = dice.pick(contacts);
        const QString openerName = opener ? opener->field(u"user_name"_s)->value : u"admin"_s;
        const QString description = shortDescription + u".\n\nReported by "_s
            + (caller ? caller->field(u"name"_s)->value : u"a user"_s) + u" via "_s + contact.second.toLower()
            + u". Steps already tried: restart, sign out and in again."_s;

        Record record;
        record.fields = {
            plain(u"parent"_s, QString()),
            plain(u"made_sla"_s, dice.roll(5) == 0 ? u"false"_s : u"true"_s),
            plain(u"caused_by"_s, QString()),
            plain(u"watch_list"_s, QString()),
            plain(u"upon_reject"_s, u"cancel"_s, u"Cancel all future Tasks"_s),
            plain(u"sys_updated_on"_s, stamp(updated)),
            plain(u"child_incidents"_s, u"0"_s),
            plain(u"hold_reason"_s, state == u"3" ? u"1"_s : QString(),
                  state == u"3" ? u"Awaiting Caller"_s : QString()),
            plain(u"task_effective_number"_s, number),
            plain(u"approval_history"_s, QString()),
            plain(u"number"_s, number),
            reference(u"resolved_by"_s, u"sys_user"_s, resolved ? assignee : nullptr),
            plain(u"sys_updated_by"_s, assignee ? assignee->field(u"user_name"_s)->value : openerName),
            reference(u"opened_by"_s, u"sys_user"_s, opener),
            plain(u"user_input"_s, QString()),
            plain(u"sys_created_on"_s, stamp(opened)),
            Field { u"sys_domain"_s, u"global"_s, u"global"_s, u"sys_user_group"_s },
            plain(u"state"_s, state, stateLabel(state)),
            plain(u"route_reason"_s, QString()),
            plain(u"sys_created_by"_s, openerName),
            plain(u"knowledge"_s, u"false"_s),
            plain(u"order"_s, QString()),
            plain(u"closed_at"_s, state == u"7" ? stamp(updated) : QString()),
            plain(u"cmdb_ci"_s, QString()),
            plain(u"impact"_s, QString::number(impact), levelLabel(impact)),
            plain(u"active"_s, active ? u"true"_s : u"false"_s),
            plain(u"business_service"_s, QString()),
            plain(u"priority"_s, priority, priorityLabel(priority)),
            plain(u"sys_domain_path"_s, u"/"_s),
            plain(u"time_worked"_s, QString()),
            plain(u"opened_at"_s, stamp(opened)),
            reference(u"caller_id"_s, u"sys_user"_s, caller),
            plain(u"resolved_at"_s, resolved ? stamp(updated.addSecs(-300)) : QString()),
            plain(u"subcategory"_s, subcategory),
            plain(u"short_description"_s, shortDescription),
            plain(u"close_code"_s, resolved ? u"Solved (Permanently)"_s : QString()),
            reference(u"assignment_group"_s, u"sys_user_group"_s, group),
            plain(u"description"_s, description),
            plain(u"close_notes"_s, resolved ? u"Fixed and confirmed with the caller."_s : QString()),
            plain(u"notify"_s, u"1"_s, u"Do Not Notify"_s),
            plain(u"sys_class_name"_s, u"incident"_s, u"Incident"_s),
            reference(u"closed_by"_s, u"sys_user"_s, state == u"7" ? assignee : nullptr),
            plain(u"sys_id"_s, sysId),
            plain(u"contact_type"_s, contact.first, contact.second),
            plain(u"incident_state"_s, state, stateLabel(state)),
            plain(u"urgency"_s, QString::number(urgency), levelLabel(urgency)),
            plain(u"reassignment_count"_s, QString::number(dice.roll(3))),
            reference(u"assigned_to"_s, u"sys_user"_s, assignee),
            plain(u"severity"_s, u"3"_s, u"3 - Low"_s),
            plain(u"approval"_s, u"not requested"_s, u"Not Yet Requested"_s),
            plain(u"sys_mod_count"_s, QString::number(1 + dice.roll(9))),
            plain(u"reopen_count"_s, u"0"_s),
            plain(u"sys_tags"_s, QString()),
            plain(u"escalation"_s, u"0"_s, u"Normal"_s),
            plain(u"upon_approval"_s, u"proceed"_s, u"Proceed to Next Task"_s),
            plain(u"correlation_id"_s, QString()),
            plain(u"category"_s, category.value, category.label),
        };
        table.append(record);
    }
}

} // namespace Postern::Sandbox
