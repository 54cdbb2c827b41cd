#pragma once

#include "base/formurlencoded.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Postern::Sandbox {

class IncidentTable;
struct Record;

// The sysparm_* parameters of one Table API request, parsed and validated, and the evaluation of its
// encoded query (sysparm_query) against a table. A value; holds no reference to the data.
//
// Encoded query grammar understood here:
//   query   := group ("^NQ" group)*           groups are ORed
//   group   := clause ("^" clause)*           clauses are ANDed; ORDERBY/ORDERBYDESC clauses sort
//   clause  := term ("^OR" term)*             terms are ORed (binds tighter than ^)
//   term    := field op value                  "^^" in a value is a literal '^'
//   op      := = != LIKE NOT LIKE STARTSWITH ENDSWITH IN NOT IN ISEMPTY ISNOTEMPTY < <= > >=
// Fields may be dot-walked one level (caller_id.name). String comparisons ignore case, as ServiceNow's
// database collation does.
class TableQuery
{
public:
    enum class DisplayValue { False, True, All };
    enum class Op {
        Equals,
        NotEquals,
        Like,
        NotLike,
        StartsWith,
        EndsWith,
        In,
        NotIn,
        IsEmpty,
        IsNotEmpty,
        Less,
        LessOrEqual,
        Greater,
        GreaterOrEqual
    };

    struct Term
    {
        QString field;
        Op op = Op::Equals;
        QString value;
    };
    using Clause = QList<Term>; // ORed terms
    using Group = QList<Clause>; // ANDed clauses

    struct Order
    {
        QString field;
        bool descending = false;
    };

    static constexpr int defaultLimit = 10000;

    // nullopt and a message when a parameter is malformed (a limit of "abc", a query of junk).
    static std::optional<TableQuery> fromParameters(const FormFields &parameters, QString *error);

    int limit = defaultLimit;
    int offset = 0;
    bool limitGiven = false;
    QStringList fields; // empty: all
    DisplayValue displayValue = DisplayValue::False;
    bool excludeReferenceLink = false;
    bool noCount = false;
    bool suppressPaginationHeader = false;
    QList<Group> groups;
    QList<Order> orderBy;

    // The records of table matching the query, sorted; nullopt and a message when the query names a
    // field the table does not have.
    std::optional<QList<const Record *>> select(const IncidentTable &data, const QString &table,
                                                QString *error) const;

private:
    bool parseEncodedQuery(const QString &query, QString *error);
    bool matches(const IncidentTable &data, const QString &table, const Record &record) const;
};

} // namespace Postern::Sandbox
