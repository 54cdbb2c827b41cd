#include "base/formurlencoded.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

class tst_FormUrlEncoded : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void encodeComponent_data();
    void encodeComponent();
    void roundTrip_data();
    void roundTrip();
    void lookups();
};

void tst_FormUrlEncoded::parse_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("expected"); // name, value, name, value, …

    QTest::newRow("empty") << QByteArray() << QStringList();
    QTest::newRow("one field") << "a=b"_ba << QStringList { u"a"_s, u"b"_s };
    QTest::newRow("plus is a space") << "q=a+b"_ba << QStringList { u"q"_s, u"a b"_s };
    QTest::newRow("escaped plus stays plus") << "s=a%2Bb"_ba << QStringList { u"s"_s, u"a+b"_s };
    QTest::newRow("secret with reserved characters")
        << "client_secret=a%2Bb%25c%26d%3De"_ba << QStringList { u"client_secret"_s, u"a+b%c&d=e"_s };
    QTest::newRow("utf-8") << "n=%C3%A9t%C3%A9"_ba << QStringList { u"n"_s, u"\u00e9t\u00e9"_s };
    QTest::newRow("no value") << "flag&x=1"_ba << QStringList { u"flag"_s, QString(), u"x"_s, u"1"_s };
    QTest::newRow("empty pairs skipped") << "&&a=1&&"_ba << QStringList { u"a"_s, u"1"_s };
    QTest::newRow("repeated name kept") << "a=1&a=2"_ba << QStringList { u"a"_s, u"1"_s, u"a"_s, u"2"_s };
    QTest::newRow("malformed escape kept literally") << "a=%zz%4"_ba << QStringList { u"a"_s, u"%zz%4"_s };
    QTest::newRow("lone percent at end") << "a=%"_ba << QStringList { u"a"_s, u"%"_s };
    QTest::newRow("equals in value") << "a=b=c"_ba << QStringList { u"a"_s, u"b=c"_s };
}

void tst_FormUrlEncoded::parse()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, expected);
    const FormFields fields = FormUrlEncoded::parse(input);
    QStringList flat;
    for (const FormField &field : fields)
        flat << field.first << field.second;
    QCOMPARE(flat.size(), expected.size());
    for (qsizetype i = 0; i < flat.size(); ++i)
        QCOMPARE(flat.at(i).isEmpty() ? QString() : flat.at(i), expected.at(i));
}

void tst_FormUrlEncoded::encodeComponent_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("unreserved") << u"aZ09-._~"_s << "aZ09-._~"_ba;
    QTest::newRow("space") << u"a b"_s << "a+b"_ba;
    QTest::newRow("reserved") << u"+%&=/?#"_s << "%2B%25%26%3D%2F%3F%23"_ba;
    QTest::newRow("utf-8") << u"\u00e9"_s << "%C3%A9"_ba;
    QTest::newRow("newline") << u"a\r\nb"_s << "a%0D%0Ab"_ba;
}

void tst_FormUrlEncoded::encodeComponent()
{
    QFETCH(QString, input);
    QFETCH(QByteArray, expected);
    QCOMPARE(FormUrlEncoded::encodeComponent(input), expected);
}

void tst_FormUrlEncoded::roundTrip_data()
{
    QTest::addColumn<QString>("value");
    QTest::newRow("plain") << u"postern"_s;
    QTest::newRow("every reserved") << u"a+b%2Fc&d=e f?g#h"_s;
    QTest::newRow("unicode") << u"\u2603 snow \U0001F600"_s;
}

void tst_FormUrlEncoded::roundTrip()
{
    QFETCH(QString, value);
    const FormFields fields { { u"k y"_s, value }, { u"other"_s, u"x"_s } };
    QCOMPARE(FormUrlEncoded::parse(FormUrlEncoded::encode(fields)), fields);
}

void tst_FormUrlEncoded::lookups()
{
    const FormFields fields = FormUrlEncoded::parse("a=1&b=&a=2");
    QCOMPARE(FormUrlEncoded::value(fields, u"a"_s), u"1"_s);
    QVERIFY(FormUrlEncoded::contains(fields, u"b"_s));
    QVERIFY(FormUrlEncoded::value(fields, u"b"_s).isEmpty());
    QVERIFY(!FormUrlEncoded::contains(fields, u"c"_s));
    QCOMPARE(FormUrlEncoded::count(fields, u"a"_s), 2);
}

QTEST_GUILESS_MAIN(tst_FormUrlEncoded)
#include "tst_formurlencoded.moc"
