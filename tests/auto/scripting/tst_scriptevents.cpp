// ScriptEvents: the text of one event in Postman's "event" list, and the list with it changed; an
// unchanged text must give the list back as it was, so that a collection nobody edited exports the same.

#include "scripting/scriptevents.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

namespace {

QJsonArray parse(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).array();
}

QByteArray compact(const QJsonArray &array)
{
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

} // namespace

class tst_ScriptEvents : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void text_data();
    void text();
    void entriesRunApart();
    void withText_data();
    void withText();
};

void tst_ScriptEvents::text_data()
{
    QTest::addColumn<QByteArray>("events");
    QTest::addColumn<QString>("preRequest");
    QTest::addColumn<QString>("test");

    QTest::newRow("none") << "[]"_ba << QString() << QString();
    QTest::newRow("lines") << R"([{"listen":"test","script":{"exec":["a();","b();"]}}])"_ba << QString()
                           << u"a();\nb();"_s;
    QTest::newRow("one string") << R"([{"listen":"prerequest","script":{"exec":"x = 1;"}}])"_ba << u"x = 1;"_s
                                << QString();
    QTest::newRow("two of one event")
        << R"([{"listen":"test","script":{"exec":["a"]}},{"listen":"test","script":{"exec":["b"]}}])"_ba
        << QString() << u"a\nb"_s;
    QTest::newRow("disabled") << R"([{"listen":"test","disabled":true,"script":{"exec":["a"]}}])"_ba
                              << QString() << QString();
    QTest::newRow("hostile shapes")
        << R"([1,"x",{"listen":"test"},{"listen":"test","script":[]},{"listen":"test","script":{"exec":{}}}])"_ba
        << QString() << QString();
}

void tst_ScriptEvents::text()
{
    QFETCH(QByteArray, events);
    QFETCH(QString, preRequest);
    QFETCH(QString, test);
    QCOMPARE(ScriptEvents::text(parse(events), ScriptEvent::PreRequest), preRequest);
    QCOMPARE(ScriptEvents::text(parse(events), ScriptEvent::Test), test);
    // What runs: one script per entry, joined they are the text.
    QCOMPARE(ScriptEvents::texts(parse(events), ScriptEvent::Test).join(u'\n'), test);
}

// Two entries of one event run as two scripts (a Postman export keeps the Assertions tab's rows in an
// entry of their own, which must run even when the script before it throws).
void tst_ScriptEvents::entriesRunApart()
{
    const QJsonArray events = parse(
        R"([{"listen":"test","script":{"exec":["throw 1;"]}},{"listen":"prerequest","script":{"exec":"p"}},)"
        R"({"listen":"test","script":{"exec":["a","b"]}}])"_ba);
    QCOMPARE(ScriptEvents::texts(events, ScriptEvent::Test), (QStringList { u"throw 1;"_s, u"a\nb"_s }));
    QCOMPARE(ScriptEvents::texts(events, ScriptEvent::PreRequest), QStringList { u"p"_s });
}

void tst_ScriptEvents::withText_data()
{
    QTest::addColumn<QByteArray>("events");
    QTest::addColumn<QString>("test");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray kept
        = R"([{"id":"e1","listen":"test","script":{"exec":["a();",""],"id":"s1","type":"text/javascript"}}])";
    QTest::newRow("unchanged stays byte for byte") << kept << u"a();\n"_s << kept;
    QTest::newRow("changed keeps the entry's ids")
        << kept << u"b();"_s
        << R"([{"id":"e1","listen":"test","script":{"exec":["b();"],"id":"s1","type":"text/javascript"}}])"_ba;
    QTest::newRow("added at the end")
        << R"([{"listen":"prerequest","script":{"exec":["p"]}}])"_ba << u"t"_s
        << R"([{"listen":"prerequest","script":{"exec":["p"]}},{"listen":"test","script":{"exec":["t"],"type":"text/javascript"}}])"_ba;
    QTest::newRow("emptied is removed") << kept << QString() << "[]"_ba;
    QTest::newRow("two become one")
        << R"([{"listen":"test","script":{"exec":["a"]}},{"listen":"test","script":{"exec":["b"]}}])"_ba
        << u"c"_s << R"([{"listen":"test","script":{"exec":["c"],"type":"text/javascript"}}])"_ba;
}

void tst_ScriptEvents::withText()
{
    QFETCH(QByteArray, events);
    QFETCH(QString, test);
    QFETCH(QByteArray, expected);
    const QJsonArray changed = ScriptEvents::withText(parse(events), ScriptEvent::Test, test);
    QCOMPARE(compact(changed), compact(parse(expected)));
    QCOMPARE(ScriptEvents::text(changed, ScriptEvent::Test), test);
}

QTEST_GUILESS_MAIN(tst_ScriptEvents)
#include "tst_scriptevents.moc"
