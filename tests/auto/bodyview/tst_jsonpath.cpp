#include "bodyview/iregexp.h"
#include "bodyview/jsonpath.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

namespace {

QByteArray readData(const QString &name)
{
    QFile file(QString::fromUtf8(POSTERN_TEST_DATA_DIR) + u'/' + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

std::shared_ptr<const JsonIndex> indexOf(const QByteArray &json)
{
    return std::make_shared<const JsonIndex>(json);
}

// A JSON array through Qt's writer, so both sides spell it alike: compact, members sorted, numbers as
// doubles. What does not parse is kept as it is, marked.
QByteArray normalized(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return "unparsable: " + json;
    return document.toJson(QJsonDocument::Compact);
}

// What expression selects in json, as a normalized JSON array; an error's message otherwise.
QByteArray selected(const QByteArray &json, const QString &expression)
{
    JsonPath::Error error;
    const JsonPath path = JsonPath::parse(expression, &error);
    if (!path.isValid())
        return "error: " + error.message.toUtf8();
    const JsonNodes nodes(indexOf(json));
    return normalized(JsonPath::matchesAsJson(nodes, path.select(nodes)));
}

// The cases of the compliance suite's file, with each document as its own bytes (key order kept).
struct ComplianceCase
{
    QString name;
    QString selector;
    QByteArray document;
    bool invalid = false;
    QList<QByteArray> results; // every acceptable nodelist, normalized
};

QList<ComplianceCase> complianceCases()
{
    const QByteArray text = readData(u"jsonpath-cts.json"_s);
    const QJsonArray tests = QJsonDocument::fromJson(text).object().value(u"tests"_s).toArray();
    const JsonNodes file(indexOf(text));
    if (!file.index().ok() || tests.isEmpty())
        return {};
    std::vector<qsizetype> rawCases;
    for (const qsizetype member : file.children(JsonNodes::Top)) {
        if (file.key(member) == u"tests"_s)
            rawCases = file.children(member);
    }
    if (rawCases.size() != size_t(tests.size()))
        return {};
    QList<ComplianceCase> cases;
    for (qsizetype i = 0; i < tests.size(); ++i) {
        const QJsonObject test = tests.at(i).toObject();
        ComplianceCase c;
        c.name = test.value(u"name"_s).toString();
        c.selector = test.value(u"selector"_s).toString();
        c.invalid = test.value(u"invalid_selector"_s).toBool();
        for (const qsizetype member : file.children(rawCases[size_t(i)])) {
            if (file.key(member) == u"document"_s)
                c.document = file.valueBytes(member).toByteArray();
        }
        if (test.contains(u"result"_s)) {
            c.results.append(QJsonDocument(test.value(u"result"_s).toArray()).toJson(QJsonDocument::Compact));
        } else {
            for (const QJsonValue alternative : test.value(u"results"_s).toArray())
                c.results.append(QJsonDocument(alternative.toArray()).toJson(QJsonDocument::Compact));
        }
        cases.append(c);
    }
    return cases;
}

} // namespace

class tst_JsonPath : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void complianceSuiteLoaded();
    void complianceSuite_data();
    void complianceSuite();
    void agreesWithJq_data();
    void agreesWithJq();
    void errors_data();
    void errors();
    void hostileExpressions_data();
    void hostileExpressions();
    void matchesKeepTheirBytes();
    void duplicatesAndOrder();
    void keysAsSent();
    void iRegexp_data();
    void iRegexp();
    void deepDocuments();
    void linearInTheBody();
    void cancel();
    void invalidPathSelectsNothing();
};

void tst_JsonPath::complianceSuiteLoaded()
{
    // The suite below must not pass by having no rows.
    const QList<ComplianceCase> cases = complianceCases();
    QVERIFY2(cases.size() >= 450, "tests/auto/bodyview/data/jsonpath-cts.json is missing or unreadable");
    qsizetype invalid = 0;
    for (const ComplianceCase &c : cases)
        invalid += c.invalid ? 1 : 0;
    QVERIFY(invalid > 150 && invalid < cases.size() - 150);
}

void tst_JsonPath::complianceSuite_data()
{
    QTest::addColumn<QString>("selector");
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<bool>("invalid");
    QTest::addColumn<QList<QByteArray>>("results");
    for (const ComplianceCase &c : complianceCases())
        QTest::newRow(c.name.toUtf8().constData()) << c.selector << c.document << c.invalid << c.results;
}

void tst_JsonPath::complianceSuite()
{
    // The JSONPath Compliance Test Suite, written by the RFC's community: a subset of its cases.
    QFETCH(QString, selector);
    QFETCH(QByteArray, document);
    QFETCH(bool, invalid);
    QFETCH(QList<QByteArray>, results);
    JsonPath::Error error;
    const JsonPath path = JsonPath::parse(selector, &error);
    if (invalid) {
        QVERIFY2(!path.isValid(), "an invalid query was accepted");
        QVERIFY(error.position >= 0 && error.position <= selector.size());
        QVERIFY(!error.message.isEmpty());
        return;
    }
    QVERIFY2(path.isValid(), qPrintable(error.message));
    QCOMPARE(error.position, -1);
    const JsonNodes nodes(indexOf(document));
    QVERIFY2(nodes.index().ok(), qPrintable(nodes.index().error().message));
    const QByteArray actual = normalized(JsonPath::matchesAsJson(nodes, path.select(nodes)));
    // RFC 9485 makes '^' and '$' ordinary characters (NormalChar; its semantics, normative in §4, are
    // XSD's); the suite reads them as anchors, after the ECMAScript mapping of §5.3, which is not normative.
    const QByteArray row = QTest::currentDataTag();
    if (row == "functions, match, explicit caret" || row == "functions, match, explicit dollar")
        QEXPECT_FAIL("", "RFC 9485: '^' and '$' are ordinary characters in an I-Regexp", Continue);
    QVERIFY2(results.contains(actual),
             qPrintable(u"got %1, expected %2"_s.arg(QString::fromUtf8(actual),
                                                     QString::fromUtf8(results.join(" or ")))));
}

void tst_JsonPath::agreesWithJq_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("jq"); // the same selection, written for jq

    // RFC 9535's bookstore (§1.5) and the queries of its Table 2, and more.
    const QString store = u"bookstore.json"_s;
    const QString books = u".. | objects | select(has(\"book\")) | .book"_s;
    QTest::newRow("authors of all books")
        << store << u"$.store.book[*].author"_s << u".store.book[].author"_s;
    QTest::newRow("all authors") << store << u"$..author"_s
                                 << u".. | objects | select(has(\"author\")) | .author"_s;
    QTest::newRow("all things in the store") << store << u"$.store.*"_s << u".store[]"_s;
    QTest::newRow("prices in the store")
        << store << u"$.store..price"_s << u".store | .. | objects | select(has(\"price\")) | .price"_s;
    QTest::newRow("all prices") << store << u"$..price"_s
                                << u".. | objects | select(has(\"price\")) | .price"_s;
    QTest::newRow("third book") << store << u"$..book[2]"_s << books + u"[2]"_s;
    QTest::newRow("third book's author") << store << u"$..book[2].author"_s << books + u"[2].author"_s;
    QTest::newRow("third book's publisher (none)")
        << store << u"$..book[2].publisher"_s << books + u"[2] | select(has(\"publisher\")) | .publisher"_s;
    QTest::newRow("last book") << store << u"$..book[-1]"_s << books + u"[-1]"_s;
    QTest::newRow("first two books, union") << store << u"$..book[0,1]"_s << books + u" | .[0], .[1]"_s;
    QTest::newRow("first two books, slice") << store << u"$..book[:2]"_s << books + u"[:2][]"_s;
    QTest::newRow("books with an isbn")
        << store << u"$..book[?@.isbn]"_s << books + u"[] | select(has(\"isbn\"))"_s;
    QTest::newRow("books cheaper than 10")
        << store << u"$..book[?@.price<10]"_s << books + u"[] | select(.price < 10)"_s;
    QTest::newRow("every member and element") << store << u"$..*"_s << u".. | (objects, arrays) | .[]"_s;
    QTest::newRow("dearer than the first book")
        << store << u"$.store.book[?@.price > $.store.book[0].price].title"_s
        << u".store.book[0].price as $p | .store.book[] | select(.price > $p) | .title"_s;
    QTest::newRow("price range anywhere") << store << u"$..[?@.price >= 8.95 && @.price <= 12.99].title"_s
                                          << u".. | (objects, arrays) | .[] | objects | "
                                             u"select(has(\"price\") and .price >= 8.95 and .price <= 12.99)"
                                             " | .title"_s;
    QTest::newRow("match()") << store << u"$.store.book[?match(@.category, 'fic.*')].title"_s
                             << u".store.book[] | select(.category | test(\"^(?:fic.*)$\")) | .title"_s;
    QTest::newRow("search()") << store << u"$.store.book[?search(@.title, 'of')].title"_s
                              << u".store.book[] | select(.title | test(\"of\")) | .title"_s;
    QTest::newRow("length()") << store << u"$.store.book[?length(@.title) > 15].title"_s
                              << u".store.book[] | select((.title | length) > 15) | .title"_s;
    QTest::newRow("count()") << store << u"$.store.book[?count(@.*) == 5].author"_s
                             << u".store.book[] | select(length == 5) | .author"_s;
    QTest::newRow("value()") << store << u"$.store.book[?value(@..isbn) == '0-553-21311-3'].author"_s
                             << u".store.book[] | select(.isbn == \"0-553-21311-3\") | .author"_s;
    QTest::newRow("backwards") << store << u"$.store.book[::-1].title"_s
                               << u".store.book | reverse | .[].title"_s;
    QTest::newRow("middle slice") << store << u"$.store.book[1:3].author"_s << u".store.book[1:3][].author"_s;
    QTest::newRow("last two prices") << store << u"$.store.book[-2:].price"_s
                                     << u".store.book[-2:][].price"_s;
    QTest::newRow("no isbn") << store << u"$..book[?!@.isbn].title"_s
                             << books + u"[] | select(has(\"isbn\") | not) | .title"_s;
    QTest::newRow("or") << store << u"$.store.book[?@.category == 'fiction' || @.price < 9].title"_s
                        << u".store.book[] | select(.category == \"fiction\" or .price < 9) | .title"_s;
    QTest::newRow("and not")
        << store << u"$.store.book[?@.price < 10 && !(@.category == 'reference')].title"_s
        << u".store.book[] | select(.price < 10 and (.category == \"reference\" | not)) | .title"_s;
    QTest::newRow("brackets all the way")
        << store << u"$['store']['book'][0]['title']"_s << u".store.book[0].title"_s;

    // A page of a ServiceNow Table API answer.
    const QString page = u"incidents.json"_s;
    QTest::newRow("numbers") << page << u"$.result[*].number"_s << u".result[].number"_s;
    QTest::newRow("numbers anywhere")
        << page << u"$..number"_s << u".. | objects | select(has(\"number\")) | .number"_s;
    QTest::newRow("priority 1") << page << u"$.result[?@.priority == '1'].short_description"_s
                                << u".result[] | select(.priority == \"1\") | .short_description"_s;
    QTest::newRow("active and urgent, strings compared")
        << page << u"$.result[?@.active == 'true' && @.priority <= '2'].sys_id"_s
        << u".result[] | select(.active == \"true\" and .priority <= \"2\") | .sys_id"_s;
    QTest::newRow("by caller")
        << page << u"$.result[?@.caller_id.value == '5137153cc611227c000bbd1bd8cd2005'].number"_s
        << u".result[] | select((.caller_id | objects | .value) == \"5137153cc611227c000bbd1bd8cd2005\") | .number"_s;
    QTest::newRow("groups shown by name")
        << page << u"$.result[?@.assignment_group.display_value].assignment_group.display_value"_s
        << u".result[] | .assignment_group | objects | select(has(\"display_value\")) | .display_value"_s;
    QTest::newRow("match() on numbers")
        << page << u"$.result[?match(@.number, 'INC001000[1-3]')].number"_s
        << u".result[] | select(.number | test(\"^(?:INC001000[1-3])$\")) | .number"_s;
    QTest::newRow("search() in descriptions")
        << page << u"$.result[?search(@.short_description, '[Ee]mail')].number"_s
        << u".result[] | select(.short_description | test(\"[Ee]mail\")) | .number"_s;
    QTest::newRow("last record") << page << u"$.result[-1].sys_id"_s << u".result[-1].sys_id"_s;
    QTest::newRow("slice with a step")
        << page << u"$.result[1:4:2].number"_s << u".result | range(1; 4; 2) as $i | .[$i].number"_s;
    QTest::newRow("slice backwards with a step")
        << page << u"$.result[::-2].number"_s
        << u".result | range(length - 1; -1; -2) as $i | .[$i].number"_s;
    QTest::newRow("key with a space")
        << page << u"$.result[*]['u_custom field']"_s
        << u".result[] | select(has(\"u_custom field\")) | .[\"u_custom field\"]"_s;
    QTest::newRow("links") << page << u"$..link"_s << u".. | objects | select(has(\"link\")) | .link"_s;
    QTest::newRow("count() of work notes")
        << page << u"$.result[?count(@.work_notes_list[*]) > 1].number"_s
        << u".result[] | select((.work_notes_list | length) > 1) | .number"_s;
    QTest::newRow("length() of text")
        << page << u"$.result[?length(@.short_description) > 32].number"_s
        << u".result[] | select((.short_description | length) > 32) | .number"_s;
    QTest::newRow("numbers compared") << page << u"$.result[?@.reassignment_count > 0].number"_s
                                      << u".result[] | select(.reassignment_count > 0) | .number"_s;
    QTest::newRow("null, not missing")
        << page << u"$.result[?@.business_duration == null].number"_s
        << u".result[] | select(has(\"business_duration\") and .business_duration == null) | .number"_s;
    QTest::newRow("missing") << page << u"$.result[?!@.close_code].number"_s
                             << u".result[] | select(has(\"close_code\") | not) | .number"_s;
    QTest::newRow("filter anywhere")
        << page << u"$..[?@.value].value"_s
        << u".. | (objects, arrays) | .[] | objects | select(has(\"value\")) | .value"_s;
    QTest::newRow("members of a record") << page << u"$.result[0].*"_s << u".result[0][]"_s;
    QTest::newRow("everything below a record")
        << page << u"$.result[3]..*"_s << u".result[3] | .. | (objects, arrays) | .[]"_s;
    QTest::newRow("first elements anywhere")
        << page << u"$..[0]"_s << u".. | arrays | select(length > 0) | .[0]"_s;
    QTest::newRow("non-ASCII literal")
        << page << u"$.result[?@.location.city == 'Zürich'].number"_s
        << u".result[] | select((.location | objects | .city) == \"Zürich\") | .number"_s;
    QTest::newRow("through a null") << page << u"$.result[?@.location.floor >= 7].location.city"_s
                                    << u".result[] | .location | objects | select(.floor >= 7) | .city"_s;
    QTest::newRow("numbers as sent") << page << u"$.result[?@.cost < 1].cost"_s
                                     << u".result[] | select(.cost < 1) | .cost"_s;
    QTest::newRow("not empty") << page << u"$.result[?@.sys_tags != ''].sys_tags"_s
                               << u".result[] | select(.sys_tags != \"\") | .sys_tags"_s;
    QTest::newRow("strings ordered") << page << u"$.result[?@.short_description > 'N'].number"_s
                                     << u".result[] | select(.short_description > \"N\") | .number"_s;
    QTest::newRow("against the root")
        << page << u"$.result[?@.opened_at >= $.result[2].opened_at].number"_s
        << u".result[2].opened_at as $t | .result[] | select(.opened_at >= $t) | .number"_s;
    QTest::newRow("objects compared deeply")
        << page << u"$.result[?@.caller_id == $.result[0].caller_id].number"_s
        << u".result[0].caller_id as $c | .result[] | select(.caller_id == $c) | .number"_s;
    QTest::newRow("members equal to a string")
        << page << u"$.result[*][?@ == 'true']"_s << u".result[] | .[] | select(. == \"true\")"_s;
    QTest::newRow("filter on a null and objects")
        << page << u"$.result[*].location[?@ > 5]"_s
        << u".result[].location | objects | .[] | select(type == \"number\" and . > 5)"_s;
    QTest::newRow("last work note") << page << u"$.result[*].work_notes_list[-1]"_s
                                    << u".result[].work_notes_list | select(length > 0) | .[-1]"_s;
    QTest::newRow("deep inside") << page << u"$..deep"_s << u".. | objects | select(has(\"deep\")) | .deep"_s;
    QTest::newRow("total") << page << u"$.total"_s << u".total"_s;
}

void tst_JsonPath::agreesWithJq()
{
    // jq, written by others, selects the same values with its own language.
    const QString program = QStandardPaths::findExecutable(u"jq"_s);
    if (program.isEmpty())
        QSKIP("jq is not installed (packaging/debian-packages.txt lists it): no oracle to compare with");
    QFETCH(QString, file);
    QFETCH(QString, path);
    QFETCH(QString, jq);
    const QByteArray json = readData(file);
    QVERIFY2(!json.isEmpty(), qPrintable(file));
    QProcess process;
    process.start(program, { u"-c"_s, u"[ "_s + jq + u" ]"_s });
    process.write(json);
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(30000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    const QByteArray expected = normalized(process.readAllStandardOutput().trimmed());
    QCOMPARE(selected(json, path), expected);
}

void tst_JsonPath::errors_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<int>("position");
    QTest::addColumn<QString>("message"); // the start of it

    QTest::newRow("empty") << QString() << 0 << u"A query starts with '$'"_s;
    QTest::newRow("no root") << u"result[0]"_s << 0 << u"A query starts with '$'"_s;
    QTest::newRow("dot at the end") << u"$.result."_s << 9 << u"Expected a name or '*' after '.'"_s;
    QTest::newRow("blank after the dot") << u"$. a"_s << 2 << u"Expected a name or '*' after '.'"_s;
    QTest::newRow("bald descendant") << u"$.."_s << 3 << u"Expected a name, '*' or '[' after '..'"_s;
    QTest::newRow("open bracket") << u"$.result["_s << 9 << u"Expected a selector"_s;
    QTest::newRow("unclosed bracket") << u"$.result[0"_s << 10 << u"Expected ',' or ']' but found the end"_s;
    QTest::newRow("extra bracket") << u"$.result[0]]"_s << 11
                                   << u"Expected the end of the query but found ']'"_s;
    QTest::newRow("trailing blank") << u"$.a "_s << 3
                                    << u"Expected the end of the query but found blank space"_s;
    QTest::newRow("unclosed string") << u"$['a"_s << 2 << u"A string without its closing quote"_s;
    QTest::newRow("bad escape") << u"$[\"a\\qb\"]"_s << 4 << u"Invalid escape in a string"_s;
    QTest::newRow("lone surrogate escape")
        << u"$['\\uD800']"_s << 3 << u"A high surrogate without its low one"_s;
    QTest::newRow("leading zero") << u"$[01]"_s << 2 << u"An integer cannot start with 0"_s;
    QTest::newRow("minus zero") << u"$[-0]"_s << 2 << u"-0 is not an integer here"_s;
    QTest::newRow("too big an index") << u"$.a[9007199254740992]"_s << 4 << u"An integer beyond"_s;
    QTest::newRow("space in a union") << u"$[0 2]"_s << 4 << u"Expected ',' or ']' but found '2'"_s;
    QTest::newRow("slice with a letter") << u"$[1:2:a]"_s << 6 << u"Expected ',' or ']' but found 'a'"_s;
    QTest::newRow("nothing to compare with")
        << u"$[?@.a == ]"_s << 10 << u"Expected a query, a literal or a function"_s;
    QTest::newRow("single equals") << u"$[?@.a = 1]"_s << 7 << u"Expected ',' or ']' but found '='"_s;
    QTest::newRow("literal alone") << u"$[?true]"_s << 3 << u"A literal alone is no test"_s;
    QTest::newRow("value function alone") << u"$[?length(@.a)]"_s << 3 << u"length() gives a value"_s;
    QTest::newRow("non-singular comparison") << u"$[?@.* == 1]"_s << 3 << u"Only a singular query"_s;
    QTest::newRow("non-singular on the right") << u"$[?1 == $..a]"_s << 8 << u"Only a singular query"_s;
    QTest::newRow("comparing match()")
        << u"$[?match(@.a, 'x') == true]"_s << 3 << u"match() gives true or false"_s;
    QTest::newRow("unknown function") << u"$[?foo(@.a)]"_s << 3 << u"Unknown function foo()"_s;
    QTest::newRow("unknown name") << u"$[?@.a == tru]"_s << 10 << u"Unknown name 'tru'"_s;
    QTest::newRow("capital True") << u"$[?@.a == True]"_s << 10
                                  << u"Expected a query, a literal or a function"_s;
    QTest::newRow("blank before '('")
        << u"$[?count (@.*) == 1]"_s << 8 << u"Expected '(' right after count"_s;
    QTest::newRow("count() of a literal") << u"$[?count(1) > 0]"_s << 9 << u"count() takes a query"_s;
    QTest::newRow("length() of many") << u"$[?length(@.*) > 0]"_s << 10 << u"length() takes a value"_s;
    QTest::newRow("too many arguments")
        << u"$[?length(@.a, @.b) == 1]"_s << 13 << u"length() takes one argument"_s;
    QTest::newRow("too few arguments") << u"$[?match(@.a)]"_s << 12 << u"match() takes 2 arguments"_s;
    QTest::newRow("no arguments") << u"$[?value() == 1]"_s << 9 << u"value() takes one argument"_s;
    QTest::newRow("unclosed parenthesis") << u"$[?(@.a]"_s << 7 << u"Expected ')' but found ']'"_s;
    QTest::newRow("dangling and") << u"$[?@.a && ]"_s << 10 << u"Expected a query, a literal or a function"_s;
    QTest::newRow("not before a comparison")
        << u"$[?!@.a == 1]"_s << 8 << u"'!' applies to a test or to parentheses"_s;
    QTest::newRow("chained comparison")
        << u"$[?@.a == 1 == 2]"_s << 12 << u"Expected ',' or ']' but found '='"_s;
    QTest::newRow("number without digits") << u"$[?@.a == 1.]"_s << 12 << u"Expected a digit after '.'"_s;
    QTest::newRow("blank in a compared bracket") << u"$[?@[ 'a' ] == 1]"_s << 3 << u"Only a singular query"_s;
    QTest::newRow("@ outside a filter") << u"$.a[@]"_s << 4 << u"Expected a selector"_s;
}

void tst_JsonPath::errors()
{
    QFETCH(QString, expression);
    QFETCH(int, position);
    QFETCH(QString, message);
    JsonPath::Error error;
    const JsonPath path = JsonPath::parse(expression, &error);
    QVERIFY(!path.isValid());
    QVERIFY2(error.message.startsWith(message), qPrintable(error.message));
    QCOMPARE(error.position, qsizetype(position));
    QVERIFY2(error.message.endsWith(u" at column %1"_s.arg(position + 1)), qPrintable(error.message));
}

void tst_JsonPath::hostileExpressions_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<bool>("valid");
    const int many = 100000;
    QTest::newRow("parentheses") << u"$[?"_s + QString(many, u'(') + u"@.a"_s + QString(many, u')') + u']'
                                 << false;
    QTest::newRow("not and parentheses") << u"$[?"_s + QString(many, u'!').replace(u"!"_s, u"!("_s) << false;
    QString filters = u"$"_s;
    for (int i = 0; i < many; ++i)
        filters += u"[?@"_s;
    QTest::newRow("filters in filters") << filters << false;
    QString calls = u"$[?"_s;
    for (int i = 0; i < many; ++i)
        calls += u"length(value("_s;
    QTest::newRow("functions in functions") << calls << false;
    QTest::newRow("brackets") << u"$"_s + QString(many, u'[') << false;
    QString segments = u"$"_s;
    for (int i = 0; i < many; ++i)
        segments += u".a[0]"_s;
    QTest::newRow("a long flat query") << segments << true;
    QTest::newRow("deepest allowed") << u"$[?"_s + QString(60, u'(') + u"@.a"_s + QString(60, u')') + u']'
                                     << true;
}

void tst_JsonPath::hostileExpressions()
{
    // Nesting is capped: deep expressions are refused with an error, not a stack overflow.
    QFETCH(QString, expression);
    QFETCH(bool, valid);
    JsonPath::Error error;
    const JsonPath path = JsonPath::parse(expression, &error);
    QCOMPARE(path.isValid(), valid);
    if (!valid) {
        QVERIFY(error.position > 0);
        QVERIFY(!error.message.isEmpty());
        return;
    }
    const JsonNodes nodes(indexOf("{\"a\":[{\"a\":[1]}]}"));
    const std::vector<qsizetype> matches = path.select(nodes);
    QVERIFY(matches.size() <= 1);
}

void tst_JsonPath::matchesKeepTheirBytes()
{
    // The matches are the body's own bytes: number spelling, key order and inner spacing as sent.
    const QByteArray body = "{\"b\": 1.50, \"a\": {\"z\": 1, \"y\": [1e2, -0.0, \"\\u00e9\"]}, \"c\": [ ]}";
    const JsonNodes nodes(indexOf(body));
    const JsonPath all = JsonPath::parse(u"$.*"_s);
    QCOMPARE(JsonPath::matchesAsJson(nodes, all.select(nodes)),
             QByteArray("[1.50,{\"z\": 1, \"y\": [1e2, -0.0, \"\\u00e9\"]},[ ]]"));
    const JsonPath numbers = JsonPath::parse(u"$..[?@ < 200]"_s);
    QCOMPARE(JsonPath::matchesAsJson(nodes, numbers.select(nodes)), QByteArray("[1.50,1,1e2,-0.0]"));
    QCOMPARE(JsonPath::matchesAsJson(nodes, {}), QByteArray("[]"));
    // Ready for an index of its own.
    const JsonIndex again(JsonPath::matchesAsJson(nodes, all.select(nodes)));
    QVERIFY(again.ok());
    QCOMPARE(again.lineBytes(1), QByteArray("  1.50,"));
    // Over a limit (in bytes of the array), or canceled: nothing, and said.
    bool tooLarge = false;
    QCOMPARE(JsonPath::matchesAsJson(nodes, all.select(nodes), 20, nullptr, &tooLarge), QByteArray());
    QVERIFY(tooLarge);
    QCOMPARE(JsonPath::matchesAsJson(nodes, all.select(nodes), 200, nullptr, &tooLarge),
             QByteArray("[1.50,{\"z\": 1, \"y\": [1e2, -0.0, \"\\u00e9\"]},[ ]]"));
    QVERIFY(!tooLarge);
    std::atomic_bool cancel = true;
    QCOMPARE(JsonPath::matchesAsJson(nodes, all.select(nodes), -1, &cancel, &tooLarge), QByteArray());
    QVERIFY(!tooLarge);
}

void tst_JsonPath::duplicatesAndOrder()
{
    // §2.5: results in the order of the input nodes, then of the selectors; duplicates kept.
    const QByteArray body = "{\"x\":[10,11,12],\"y\":{\"x\":[20,21]}}";
    QCOMPARE(selected(body, u"$.x[2,0,2]"_s), QByteArray("[12,10,12]"));
    QCOMPARE(selected(body, u"$..x[0]"_s), QByteArray("[10,20]"));
    QCOMPARE(selected(body, u"$..x[-1,0]"_s), QByteArray("[12,10,21,20]"));
    QCOMPARE(selected(body, u"$[*,*]..[0]"_s), QByteArray("[10,20,10,20]"));
    // $..* is [x, y, 10, 11, 12, y.x, 20, 21]; ..[1] of x gives 11, of y (through y.x) 21, of y.x 21.
    QCOMPARE(selected(body, u"$..*..[1]"_s), QByteArray("[11,21,21]"));
    QCOMPARE(selected(body, u"$..[?@ > 11]"_s), QByteArray("[12,20,21]"));
}

void tst_JsonPath::keysAsSent()
{
    // Member names are compared decoded, however the body escapes them.
    const QByteArray body
        = "{\"caf\\u00e9\":1,\"caf\xc3\xa9\":2,\"a\\\"b\":3,\"\\ud83d\\ude00\":4,\"x\":{\"\\/\":5}}";
    QCOMPARE(selected(body, u"$.café"_s), QByteArray("[1,2]"));
    QCOMPARE(selected(body, u"$['caf\\u00e9']"_s), QByteArray("[1,2]"));
    QCOMPARE(selected(body, u"$['a\"b']"_s), QByteArray("[3]"));
    QCOMPARE(selected(body, u"$.😀"_s), QByteArray("[4]"));
    QCOMPARE(selected(body, u"$..['/']"_s), QByteArray("[5]"));
    QCOMPARE(selected(body, u"$[?@['/'] == 5]"_s), QByteArray("[{\"/\":5}]"));
    // Strings order by code points: U+1F600 comes after U+FFFD, though its first UTF-16 unit does not.
    const QByteArray strings = "[\"\\ue000\",\"\\ud83d\\ude00\",\"\\ufffd\"]";
    QCOMPARE(selected(strings, u"$[?@ > '\\ufffd']"_s), QByteArray("[\"\U0001F600\"]"));
    QCOMPARE(selected(strings, u"$[?@ < '\\ud83d\\ude00' && @ >= '\\ue000']"_s),
             QByteArray("[\"\ue000\",\"\ufffd\"]"));
    // A name given twice (I-JSON forbids it) selects both members; a filter's singular query sees the first.
    const QByteArray twice = "[{\"a\":1,\"a\":2}]";
    QCOMPARE(selected(twice, u"$[0].a"_s), QByteArray("[1,2]"));
    QCOMPARE(selected(twice, u"$[?@.a == 1].a"_s), QByteArray("[1,2]"));
    QCOMPARE(selected(twice, u"$[?@.a == 2]"_s), QByteArray("[]"));
}

void tst_JsonPath::iRegexp_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<int>("whole"); // match(): 1 or 0, -1 when the pattern is not an I-Regexp
    QTest::addColumn<int>("anywhere"); // search()

    // RFC 9485: what is in the language, and what is left out.
    QTest::newRow("dot") << u"a.c"_s << u"abc"_s << 1 << 1;
    QTest::newRow("dot is not LF") << u"a.c"_s << u"a\nc"_s << 0 << 0;
    QTest::newRow("dot is not CR") << u"."_s << u"\r"_s << 0 << 0;
    QTest::newRow("dot is a code point") << u"^.$"_s << u"^\U0001F600$"_s << 1 << 1;
    QTest::newRow("caret and dollar are plain") << u"^a$"_s << u"a"_s << 0 << 0;
    QTest::newRow("class") << u"[a-c]+"_s << u"abcd"_s << 0 << 1;
    QTest::newRow("negated class") << u"[^a-c]"_s << u"d"_s << 1 << 1;
    QTest::newRow("dash first and last") << u"[-a][a-]"_s << u"-a"_s << 1 << 1;
    QTest::newRow("category") << u"\\p{Lu}\\p{Ll}*"_s << u"Жук"_s << 1 << 1;
    QTest::newRow("negated category") << u"\\P{Nd}+"_s << u"abc"_s << 1 << 1;
    QTest::newRow("category in a class") << u"[\\p{L}0-9]+"_s << u"a1é"_s << 1 << 1;
    QTest::newRow("group and alternation") << u"(ab|cd)*"_s << u"abcdab"_s << 1 << 1;
    QTest::newRow("bounded repeat") << u"a{2,3}"_s << u"aaaa"_s << 0 << 1;
    QTest::newRow("open repeat") << u"a{2,}"_s << u"aaaa"_s << 1 << 1;
    QTest::newRow("exact repeat") << u"☺{2}"_s << u"☺☺"_s << 1 << 1;
    QTest::newRow("escapes") << u"\\.\\*\\n\\t\\\\"_s << u".*\n\t\\"_s << 1 << 1;
    QTest::newRow("empty pattern") << QString() << QString() << 1 << 1;
    QTest::newRow("empty branch") << u"a|"_s << QString() << 1 << 1;
    QTest::newRow("range backwards") << u"a{3,2}"_s << u"aa"_s << -1 << -1;
    QTest::newRow("class backwards") << u"[z-a]"_s << u"m"_s << -1 << -1;
    QTest::newRow("two quantifiers") << u"a**"_s << u"a"_s << -1 << -1;
    QTest::newRow("lazy quantifier") << u"a*?"_s << u"a"_s << -1 << -1;
    QTest::newRow("non-capturing group") << u"(?:a)"_s << u"a"_s << -1 << -1;
    QTest::newRow("digit class escape") << u"\\d"_s << u"1"_s << -1 << -1;
    QTest::newRow("word class escape") << u"\\w"_s << u"a"_s << -1 << -1;
    QTest::newRow("backreference") << u"(a)\\1"_s << u"aa"_s << -1 << -1;
    QTest::newRow("POSIX class") << u"[[:alpha:]]"_s << u"a"_s << -1 << -1;
    QTest::newRow("empty class") << u"[]"_s << u"a"_s << -1 << -1;
    QTest::newRow("range then dash") << u"[a-b-c]"_s << u"a"_s << -1 << -1;
    QTest::newRow("missing minimum") << u"x{,2}"_s << u"x"_s << -1 << -1;
    QTest::newRow("unknown category") << u"\\p{Xx}"_s << u"a"_s << -1 << -1;
    QTest::newRow("unclosed group") << u"(a"_s << u"a"_s << -1 << -1;
    QTest::newRow("unopened group") << u"a)"_s << u"a"_s << -1 << -1;
    QTest::newRow("lone brace") << u"{"_s << u"{"_s << -1 << -1;
    QTest::newRow("nested too deep") << QString(200, u'(') + QString(200, u')') << QString() << -1 << -1;
}

void tst_JsonPath::iRegexp()
{
    QFETCH(QString, pattern);
    QFETCH(QString, subject);
    QFETCH(int, whole);
    QFETCH(int, anywhere);
    const std::optional<QRegularExpression> matchAll = IRegexp::compile(pattern, IRegexp::Mode::Whole);
    const std::optional<QRegularExpression> matchAny = IRegexp::compile(pattern, IRegexp::Mode::Anywhere);
    QCOMPARE(matchAll.has_value(), whole >= 0);
    QCOMPARE(matchAny.has_value(), anywhere >= 0);
    if (whole >= 0)
        QCOMPARE(matchAll->match(subject).hasMatch(), whole == 1);
    if (anywhere >= 0)
        QCOMPARE(matchAny->match(subject).hasMatch(), anywhere == 1);

    // The same through the filter functions, the pattern taken from the body: an invalid one matches nothing.
    const QByteArray body = QJsonDocument(QJsonArray { subject, pattern }).toJson(QJsonDocument::Compact);
    QCOMPARE(selected(body, u"$[?match($[0], $[1])]"_s), whole == 1 ? normalized(body) : QByteArray("[]"));
    QCOMPARE(selected(body, u"$[?search($[0], $[1])]"_s),
             anywhere == 1 ? normalized(body) : QByteArray("[]"));
}

void tst_JsonPath::deepDocuments()
{
    // A hostile body: 50,000 levels. Walking it keeps to the heap, and each segment reads it once.
    const int depth = 50000;
    QByteArray objects;
    for (int i = 0; i < depth; ++i)
        objects += "{\"a\":";
    objects += '1' + QByteArray(depth, '}');
    const JsonNodes nested(indexOf(objects));
    QVERIFY(nested.index().ok());
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(JsonPath::parse(u"$..a"_s).select(nested).size(), size_t(depth));
    QCOMPARE(JsonPath::parse(u"$..a.a"_s).select(nested).size(), size_t(depth - 1));
    QCOMPARE(JsonPath::parse(u"$..*"_s).select(nested).size(), size_t(depth));
    QCOMPARE(JsonPath::parse(u"$..[?@.a]"_s).select(nested).size(), size_t(depth - 1));
    QCOMPARE(JsonPath::parse(u"$..[?@ == 1]"_s).select(nested).size(), size_t(1));

    const QByteArray arrays = QByteArray(depth, '[') + "7" + QByteArray(depth, ']');
    const JsonNodes deepArrays(indexOf(arrays));
    QCOMPARE(JsonPath::parse(u"$..[0]"_s).select(deepArrays).size(), size_t(depth));
    QCOMPARE(JsonPath::parse(u"$..[-1]"_s).select(deepArrays).size(), size_t(depth));
    QCOMPARE(JsonPath::parse(u"$..[0][0]"_s).select(deepArrays).size(), size_t(depth - 1));
    const std::vector<qsizetype> seven = JsonPath::parse(u"$..[?@ == 7]"_s).select(deepArrays);
    QCOMPARE(seven.size(), size_t(1));
    QCOMPARE(deepArrays.valueBytes(seven.front()), "7");
    // Walking level by level (children() of each) would read depth² / 2 = 1.25e9 index entries here.
    QVERIFY2(timer.elapsed() < 3000, qPrintable(u"%1 ms"_s.arg(timer.elapsed())));
}

void tst_JsonPath::linearInTheBody()
{
    // 20,000 records (about 3 MB): the common queries read each index line a few times at most.
    QByteArray body = "{\"result\":[";
    const int records = 20000;
    for (int i = 0; i < records; ++i) {
        if (i > 0)
            body += ',';
        body += "{\"sys_id\":\"" + QByteArray::number(i, 16) + "\",\"number\":\"INC"
            + QByteArray::number(1000000 + i) + "\",\"priority\":\"" + QByteArray::number(i % 5 + 1)
            + "\",\"caller_id\":{\"link\":\"https://x/" + QByteArray::number(i) + "\",\"value\":\""
            + QByteArray::number(i % 7)
            + "\"},\"work_notes_list\":[1,2,3],\"cost\":" + QByteArray::number(i % 100) + ".50}";
    }
    body += "]}";
    const JsonNodes nodes(indexOf(body));
    QVERIFY(nodes.index().ok());
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(JsonPath::parse(u"$.result[*].number"_s).select(nodes).size(), size_t(records));
    QCOMPARE(JsonPath::parse(u"$..number"_s).select(nodes).size(), size_t(records));
    QCOMPARE(JsonPath::parse(u"$..value"_s).select(nodes).size(), size_t(records));
    QCOMPARE(JsonPath::parse(u"$.result[?@.priority == '1'].number"_s).select(nodes).size(),
             size_t(records / 5));
    QCOMPARE(JsonPath::parse(u"$.result[?@.caller_id.value == '3'].sys_id"_s).select(nodes).size(),
             size_t((records + 3) / 7));
    QCOMPARE(JsonPath::parse(u"$..[?@.cost < 1]"_s).select(nodes).size(), size_t(records / 100));
    QCOMPARE(JsonPath::parse(u"$.result[-1:].number"_s).select(nodes).size(), size_t(1));
    // The array, and per record itself, six members, two in caller_id, three work notes.
    QCOMPARE(JsonPath::parse(u"$..*"_s).select(nodes).size(), size_t(1 + records * 12));
    QVERIFY2(timer.elapsed() < 5000, qPrintable(u"%1 ms"_s.arg(timer.elapsed())));
}

void tst_JsonPath::cancel()
{
    QByteArray body = "[";
    for (int i = 0; i < 100000; ++i)
        body += (i > 0 ? "," : "") + QByteArray("{\"a\":") + QByteArray::number(i) + '}';
    body += ']';
    const JsonNodes nodes(indexOf(body));
    const JsonPath path = JsonPath::parse(u"$..[?@.a >= 0].a"_s);
    std::atomic_bool stop = false;
    QCOMPARE(path.select(nodes, &stop).size(), size_t(100000));
    stop = true;
    QVERIFY(path.select(nodes, &stop).empty());
}

void tst_JsonPath::invalidPathSelectsNothing()
{
    const JsonNodes nodes(indexOf("[1]"));
    QVERIFY(!JsonPath().isValid());
    QVERIFY(JsonPath().select(nodes).empty());
    JsonPath::Error error;
    const JsonPath bad = JsonPath::parse(u"$["_s, &error);
    QVERIFY(!bad.isValid());
    QVERIFY(bad.select(nodes).empty());
    QCOMPARE(bad.expression(), u"$["_s);
    const JsonPath good = JsonPath::parse(u"$[0]"_s, &error);
    QVERIFY(good.isValid());
    QCOMPARE(error.position, qsizetype(-1));
    QVERIFY(error.message.isEmpty());
    QCOMPARE(JsonPath::matchesAsJson(nodes, good.select(nodes)), QByteArray("[1]"));
}

QTEST_GUILESS_MAIN(tst_JsonPath)
#include "tst_jsonpath.moc"
