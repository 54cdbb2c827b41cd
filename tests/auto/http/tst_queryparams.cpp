#include "http/queryparams.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

Q_DECLARE_METATYPE(Postern::KeyValueList)

namespace {
KeyValueList rows(std::initializer_list<std::pair<const char16_t *, const char16_t *>> pairs)
{
    KeyValueList list;
    for (const auto &[key, value] : pairs)
        list.append({ QString::fromUtf16(key), QString::fromUtf16(value), true, {} });
    return list;
}
} // namespace

class tst_QueryParams : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void composeKeepsUrlAsTyped_data();
    void composeKeepsUrlAsTyped();
    void composeSkipsDisabledAndEmpty();
    void composeKeepsFragment();
    void mergeKeepsDisabledRows();
};

void tst_QueryParams::parse_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<KeyValueList>("expected");

    QTest::newRow("no query") << u"https://x.example/api"_s << KeyValueList();
    QTest::newRow("empty query") << u"https://x.example/api?"_s << KeyValueList();
    QTest::newRow("sysparm limit") << u"http://127.0.0.1:8080/api/now/table/incident?sysparm_limit=10"_s
                                   << rows({ { u"sysparm_limit", u"10" } });
    QTest::newRow("encoded value kept as typed")
        << u"https://x/?sysparm_query=active%3Dtrue%5EORDERBYnumber&b=a+b"_s
        << rows({ { u"sysparm_query", u"active%3Dtrue%5EORDERBYnumber" }, { u"b", u"a+b" } });
    QTest::newRow("flag without equals")
        << u"https://x/?flag&a=1"_s << rows({ { u"flag", u"" }, { u"a", u"1" } });
    QTest::newRow("fragment excluded") << u"https://x/?a=1#b=2"_s << rows({ { u"a", u"1" } });
    QTest::newRow("question mark in value") << u"https://x/?a=b?c"_s << rows({ { u"a", u"b?c" } });
    QTest::newRow("variable") << u"{{instance}}/api?x={{limit}}"_s << rows({ { u"x", u"{{limit}}" } });
    QTest::newRow("no scheme") << u"example?a=1"_s << rows({ { u"a", u"1" } });
}

void tst_QueryParams::parse()
{
    QFETCH(QString, url);
    QFETCH(KeyValueList, expected);
    QCOMPARE(QueryParams::parse(url), expected);
}

void tst_QueryParams::composeKeepsUrlAsTyped_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("plain")
        << u"https://x.example/api/now/table/incident?sysparm_limit=10&sysparm_offset=20"_s;
    QTest::newRow("encoded") << u"https://x/?q=a%20b&r=%2B"_s;
    QTest::newRow("no query") << u"https://x/path"_s;
    QTest::newRow("flag") << u"https://x/?flag"_s;
    QTest::newRow("empty value") << u"https://x/?flag="_s;
    QTest::newRow("flag, empty value and value") << u"{{baseUrl}}/a?a&b=&c=1"_s;
    QTest::newRow("fragment") << u"https://x/?a=1#frag"_s;
}

void tst_QueryParams::composeKeepsUrlAsTyped()
{
    QFETCH(QString, url);
    QCOMPARE(QueryParams::compose(url, QueryParams::parse(url)), url);
}

void tst_QueryParams::composeSkipsDisabledAndEmpty()
{
    KeyValueList params = rows({ { u"a", u"1" }, { u"b", u"2" }, { u"", u"" }, { u"c", u"" } });
    params[1].enabled = false;
    QCOMPARE(QueryParams::compose(u"https://x/p?old=1"_s, params), u"https://x/p?a=1&c"_s);
    QCOMPARE(QueryParams::compose(u"https://x/p?old=1"_s, {}), u"https://x/p"_s);
}

void tst_QueryParams::composeKeepsFragment()
{
    QCOMPARE(QueryParams::compose(u"https://x/p#top"_s, rows({ { u"a", u"1" } })), u"https://x/p?a=1#top"_s);
}

void tst_QueryParams::mergeKeepsDisabledRows()
{
    KeyValueList table = rows({ { u"a", u"1" }, { u"off", u"x" } });
    table[0].description = u"kept"_s;
    table[1].enabled = false;
    const KeyValueList merged = QueryParams::merge(table, u"https://x/?a=1&b=2"_s);
    QCOMPARE(merged.size(), 3);
    QCOMPARE(merged.at(0).description, u"kept"_s);
    QCOMPARE(merged.at(1).key, u"b"_s);
    QCOMPARE(merged.at(2).key, u"off"_s);
    QVERIFY(!merged.at(2).enabled);
}

QTEST_GUILESS_MAIN(tst_QueryParams)
#include "tst_queryparams.moc"
