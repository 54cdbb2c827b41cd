#include "sandbox/tablequery.h"

#include "sandbox/incidenttable.h"

#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Postern::Sandbox {

namespace {

constexpr qsizetype maxQueryLength = 16 * 1024;
constexpr QChar escapedCaret(0xE000); // private-use placeholder for "^^" while splitting

bool refuse(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

std::optional<int> parseCount(const QString &text, int minimum)
{
    bool ok = false;
    const int value = text.trimmed().toInt(&ok);
    if (!ok || value < minimum)
        return std::nullopt;
    return value;
}

std::optional<bool> parseBool(const QString &text)
{
    if (text.compare(u"true"_s, Qt::CaseInsensitive) == 0)
        return true;
    if (text.isEmpty() || text.compare(u"false"_s, Qt::CaseInsensitive) == 0)
        return false;
    return std::nullopt;
}

struct OpName
{
    QStringView text;
    TableQuery::Op op;
};

// Longest first, so that "NOT LIKE" wins over "NOT IN" prefixes and "<=" over "<".
const OpName opNames[] = {
    { u"ISNOTEMPTY", TableQuery::Op::IsNotEmpty },
    { u"ISEMPTY", TableQuery::Op::IsEmpty },
    { u"STARTSWITH", TableQuery::Op::StartsWith },
    { u"ENDSWITH", TableQuery::Op::EndsWith },
    { u"NOT LIKE", TableQuery::Op::NotLike },
    { u"NOTLIKE", TableQuery::Op::NotLike },
    { u"NOT IN", TableQuery::Op::NotIn },
    { u"LIKE", TableQuery::Op::Like },
    { u"IN", TableQuery::Op::In },
    { u"!=", TableQuery::Op::NotEquals },
    { u"<=", TableQuery::Op::LessOrEqual },
    { u">=", TableQuery::Op::GreaterOrEqual },
    { u"=", TableQuery::Op::Equals },
    { u"<", TableQuery::Op::Less },
    { u">", TableQuery::Op::Greater },
};

std::optional<TableQuery::Term> parseTerm(const QString &text, QString *error)
{
    static const QRegularExpression fieldPattern(u"^[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?"_s);
    const QRegularExpressionMatch match = fieldPattern.match(text);
    if (!match.hasMatch()) {
        refuse(error, u"Invalid condition \"%1\": expected a field name"_s.arg(text.left(80)));
        return std::nullopt;
    }
    TableQuery::Term term;
    term.field = match.captured(0);
    const QStringView rest = QStringView(text).mid(match.capturedLength(0));
    for (const OpName &name : opNames) {
        if (rest.startsWith(name.text)) {
            term.op = name.op;
            term.value = rest.mid(name.text.size()).toString().replace(escapedCaret, u'^');
            if ((term.op == TableQuery::Op::IsEmpty || term.op == TableQuery::Op::IsNotEmpty)
                && !term.value.isEmpty()) {
                refuse(error, u"Invalid condition \"%1\": %2 takes no value"_s.arg(text.left(80), name.text));
                return std::nullopt;
            }
            return term;
        }
    }
    refuse(error, u"Invalid condition \"%1\": unknown operator"_s.arg(text.left(80)));
    return std::nullopt;
}

bool isNumber(const QString &text, double *out)
{
    bool ok = false;
    *out = text.toDouble(&ok);
    return ok;
}

int compareValues(const QString &a, const QString &b)
{
    double x = 0;
    double y = 0;
    if (isNumber(a, &x) && isNumber(b, &y))
        return x < y ? -1 : (x > y ? 1 : 0);
    return a.compare(b, Qt::CaseInsensitive);
}

bool termMatches(const TableQuery::Term &term, const Field &field)
{
    const QString &value = field.value;
    // A reference can be compared by sys_id or by the name it displays.
    auto equals = [&](const QString &wanted) {
        return value.compare(wanted, Qt::CaseInsensitive) == 0
            || (field.isReference() && !value.isEmpty()
                && field.display.compare(wanted, Qt::CaseInsensitive) == 0);
    };
    switch (term.op) {
    case TableQuery::Op::Equals:
        return equals(term.value);
    case TableQuery::Op::NotEquals:
        return !equals(term.value);
    case TableQuery::Op::Like:
        return value.contains(term.value, Qt::CaseInsensitive);
    case TableQuery::Op::NotLike:
        return !value.contains(term.value, Qt::CaseInsensitive);
    case TableQuery::Op::StartsWith:
        return value.startsWith(term.value, Qt::CaseInsensitive);
    case TableQuery::Op::EndsWith:
        return value.endsWith(term.value, Qt::CaseInsensitive);
    case TableQuery::Op::In:
    case TableQuery::Op::NotIn: {
        const QStringList items = term.value.split(u',');
        const bool found = std::any_of(items.cbegin(), items.cend(),
                                       [&](const QString &item) { return equals(item.trimmed()); });
        return term.op == TableQuery::Op::In ? found : !found;
    }
    case TableQuery::Op::IsEmpty:
        return value.isEmpty();
    case TableQuery::Op::IsNotEmpty:
        return !value.isEmpty();
    case TableQuery::Op::Less:
        return !value.isEmpty() && compareValues(value, term.value) < 0;
    case TableQuery::Op::LessOrEqual:
        return !value.isEmpty() && compareValues(value, term.value) <= 0;
    case TableQuery::Op::Greater:
        return !value.isEmpty() && compareValues(value, term.value) > 0;
    case TableQuery::Op::GreaterOrEqual:
        return !value.isEmpty() && compareValues(value, term.value) >= 0;
    }
    return false;
}

} // namespace

std::optional<TableQuery> TableQuery::fromParameters(const FormFields &parameters, QString *error)
{
    TableQuery query;
    auto has = [&](const QString &name) {
        return FormUrlEncoded::contains(parameters, name);
    };
    auto get = [&](const QString &name) {
        return FormUrlEncoded::value(parameters, name);
    };

    if (has(u"sysparm_limit"_s)) {
        const auto limit = parseCount(get(u"sysparm_limit"_s), 1);
        if (!limit) {
            refuse(error, u"sysparm_limit must be a whole number greater than 0"_s);
            return std::nullopt;
        }
        query.limit = *limit;
        query.limitGiven = true;
    }
    if (has(u"sysparm_offset"_s)) {
        const auto offset = parseCount(get(u"sysparm_offset"_s), 0);
        if (!offset) {
            refuse(error, u"sysparm_offset must be a whole number, 0 or more"_s);
            return std::nullopt;
        }
        query.offset = *offset;
    }
    const QStringList fieldList = get(u"sysparm_fields"_s).split(u',', Qt::SkipEmptyParts);
    for (const QString &field : fieldList) {
        if (!field.trimmed().isEmpty() && !query.fields.contains(field.trimmed()))
            query.fields.append(field.trimmed());
    }

    const QString display = get(u"sysparm_display_value"_s).toLower();
    if (display == u"true")
        query.displayValue = DisplayValue::True;
    else if (display == u"all")
        query.displayValue = DisplayValue::All;
    else if (!display.isEmpty() && display != u"false") {
        refuse(error, u"sysparm_display_value must be true, false or all"_s);
        return std::nullopt;
    }

    const struct
    {
        QString name;
        bool *target;
    } flags[] = { { u"sysparm_exclude_reference_link"_s, &query.excludeReferenceLink },
                  { u"sysparm_no_count"_s, &query.noCount },
                  { u"sysparm_suppress_pagination_header"_s, &query.suppressPaginationHeader } };
    for (const auto &flag : flags) {
        const auto value = parseBool(get(flag.name));
        if (!value) {
            refuse(error, flag.name + u" must be true or false"_s);
            return std::nullopt;
        }
        *flag.target = *value;
    }

    if (!query.parseEncodedQuery(get(u"sysparm_query"_s), error))
        return std::nullopt;
    return query;
}

bool TableQuery::parseEncodedQuery(const QString &text, QString *error)
{
    if (text.size() > maxQueryLength)
        return refuse(error, u"sysparm_query is too long"_s);
    if (text.contains(escapedCaret))
        return refuse(error, u"sysparm_query contains an invalid character"_s);
    QString query = text;
    query.replace(u"^^"_s, QString(escapedCaret));

    Group current;
    const QStringList parts = query.split(u'^');
    for (const QString &part : parts) {
        if (part.isEmpty() || part == u"EQ")
            continue;
        if (part.startsWith(u"ORDERBYDESC")) {
            orderBy.append({ part.mid(11), true });
            continue;
        }
        if (part.startsWith(u"ORDERBY")) {
            orderBy.append({ part.mid(7), false });
            continue;
        }
        QString condition = part;
        bool orTerm = false;
        if (part.startsWith(u"NQ")) {
            if (!current.isEmpty())
                groups.append(current);
            current.clear();
            condition = part.mid(2);
        } else if (part.startsWith(u"OR")) {
            if (current.isEmpty())
                return refuse(error, u"Invalid query: ^OR without a condition before it"_s);
            orTerm = true;
            condition = part.mid(2);
        }
        const auto term = parseTerm(condition, error);
        if (!term)
            return false;
        if (orTerm)
            current.last().append(*term);
        else
            current.append(Clause { *term });
    }
    if (!current.isEmpty())
        groups.append(current);

    static const QRegularExpression fieldPattern(u"^[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?$"_s);
    for (const Order &order : std::as_const(orderBy)) {
        if (!fieldPattern.match(order.field).hasMatch())
            return refuse(error, u"Invalid ORDERBY field \"%1\""_s.arg(order.field.left(80)));
    }
    return true;
}

std::optional<QList<const Record *>> TableQuery::select(const IncidentTable &data, const QString &table,
                                                        QString *error) const
{
    const QList<Record> *records = data.records(table);
    if (!records) {
        refuse(error, u"Invalid table %1"_s.arg(table));
        return std::nullopt;
    }
    for (const Group &group : groups) {
        for (const Clause &clause : group) {
            for (const Term &term : clause) {
                if (!data.hasField(table, term.field)) {
                    refuse(error, u"Invalid field in sysparm_query: %1"_s.arg(term.field));
                    return std::nullopt;
                }
            }
        }
    }
    for (const Order &order : orderBy) {
        if (!data.hasField(table, order.field)) {
            refuse(error, u"Invalid field in ORDERBY: %1"_s.arg(order.field));
            return std::nullopt;
        }
    }

    QList<const Record *> selected;
    for (const Record &record : *records) {
        if (matches(data, table, record))
            selected.append(&record);
    }
    if (!orderBy.isEmpty()) {
        std::stable_sort(selected.begin(), selected.end(), [&](const Record *a, const Record *b) {
            for (const Order &order : orderBy) {
                const int c = compareValues(data.resolve(table, *a, order.field)->value,
                                            data.resolve(table, *b, order.field)->value);
                if (c != 0)
                    return order.descending ? c > 0 : c < 0;
            }
            return false;
        });
    }
    return selected;
}

bool TableQuery::matches(const IncidentTable &data, const QString &table, const Record &record) const
{
    if (groups.isEmpty())
        return true;
    return std::any_of(groups.cbegin(), groups.cend(), [&](const Group &group) {
        return std::all_of(group.cbegin(), group.cend(), [&](const Clause &clause) {
            return std::any_of(clause.cbegin(), clause.cend(), [&](const Term &term) {
                const auto field = data.resolve(table, record, term.field);
                return field && termMatches(term, *field);
            });
        });
    });
}

} // namespace Postern::Sandbox
