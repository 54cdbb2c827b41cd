// HttpTimings: the phases drawn from what Qt reported, the one-line summary, and the JSON kept in
// history and reports (hostile values dropped).
#include "http/httptimings.h"

#include <QJsonDocument>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;
using namespace Postern;

class tst_HttpTimings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void phases_data();
    void phases();
    void kindsInOrder();
    void summaryInTheTranslatorsWords();
    void jsonRoundTrip();
    void hostileJson_data();
    void hostileJson();
};

namespace {
HttpTimings make(double connect, double encrypted, double sent, double headers, double finished)
{
    HttpTimings timings;
    timings.connectStarted = connect;
    timings.encrypted = encrypted;
    timings.requestSent = sent;
    timings.headersReceived = headers;
    timings.finished = finished;
    return timings;
}

// "Name=figure" for each phase, "-" for no figure.
QString describe(const HttpTimings &timings)
{
    QStringList parts;
    const QList<HttpTimings::Phase> phases = timings.phases();
    for (const HttpTimings::Phase &phase : phases)
        parts << phase.name + u'=' + (phase.ms < 0 ? u"-"_s : QString::number(phase.ms));
    return parts.join(u' ');
}
} // namespace

void tst_HttpTimings::phases_data()
{
    QTest::addColumn<HttpTimings>("timings");
    QTest::addColumn<QString>("phases");
    QTest::addColumn<QString>("summary");

    QTest::newRow("new http connection")
        << make(1, -1, 3, 10, 12) << u"Prepare=1 Connect=2 Waiting=7 Download=2 Total=12"_s
        << u"prepare 1.00 ms, connect 2.00 ms, waiting 7.00 ms, download 2.00 ms, total 12.0 ms"_s;
    QTest::newRow("new https connection")
        << make(1, 5, 6, 10, 30)
        << u"Prepare=1 Connect=4 TLS handshake=- Send=1 Waiting=4 Download=20 Total=30"_s
        << u"prepare 1.00 ms, connect 4.00 ms, TLS in connect, send 1.00 ms, waiting 4.00 ms, download 20.0 "
           u"ms, "
           "total 30.0 ms"_s;
    QTest::newRow("reused connection")
        << make(-1, -1, 0.5, 4, 4.5) << u"Connect=- Send=0.5 Waiting=3.5 Download=0.5 Total=4.5"_s
        << u"connection reused, send 0.50 ms, waiting 3.50 ms, download 0.50 ms, total 4.50 ms"_s;
    QTest::newRow("refused before anything was sent")
        << make(1, -1, -1, -1, 2) << u"Prepare=1 Connect=- Waiting=- Download=- Total=2"_s
        << u"prepare 1.00 ms, total 2.00 ms"_s;
    QTest::newRow("timed out waiting")
        << make(1, -1, 2, -1, 5000) << u"Prepare=1 Connect=1 Waiting=- Download=- Total=5000"_s
        << u"prepare 1.00 ms, connect 1.00 ms, total 5000.0 ms"_s;
    HttpTimings redirected = make(-1, -1, 101, 110, 111);
    redirected.redirects = 2;
    redirected.lastHopStart = 100;
    QTest::newRow("after two redirects")
        << redirected << u"Redirects=100 Connect=- Send=1 Waiting=9 Download=1 Total=111"_s
        << u"redirects 100.0 ms, connection reused, send 1.00 ms, waiting 9.00 ms, download 1.00 ms, total 111.0 ms"_s;
    QTest::newRow("nothing measured")
        << HttpTimings() << u"Connect=- Waiting=- Download=- Total=-"_s << QString();
}

void tst_HttpTimings::phases()
{
    QFETCH(HttpTimings, timings);
    QFETCH(QString, phases);
    QFETCH(QString, summary);
    QCOMPARE(describe(timings), phases);
    QCOMPARE(timings.summary(), summary);
    // Every phase without a figure says why; every one with a figure lies within the whole exchange.
    const QList<HttpTimings::Phase> list = timings.phases();
    for (const HttpTimings::Phase &phase : list) {
        if (phase.ms < 0 && phase.kind != HttpTimings::Phase::Kind::Total)
            QVERIFY2(!phase.note.isEmpty(), qPrintable(phase.name));
        QCOMPARE(phase.start >= 0, phase.ms >= 0);
        if (phase.ms >= 0)
            QVERIFY2(phase.start + phase.ms <= timings.finished, qPrintable(phase.name));
    }
    // The phases of the last hop follow one another.
    double end = timings.lastHopStart;
    for (const HttpTimings::Phase &phase : list) {
        if (phase.ms < 0 || phase.kind == HttpTimings::Phase::Kind::Total
            || phase.kind == HttpTimings::Phase::Kind::Redirects)
            continue;
        QCOMPARE(phase.start, end);
        end = phase.start + phase.ms;
    }
}

// Each phase says what it is, whatever its name: the window and the summary go by the kind.
void tst_HttpTimings::kindsInOrder()
{
    using Kind = HttpTimings::Phase::Kind;
    HttpTimings timings = make(1, 5, 6, 10, 12);
    timings.redirects = 1;
    timings.lastHopStart = 0.5;
    QList<Kind> kinds;
    const QList<HttpTimings::Phase> list = timings.phases();
    for (const HttpTimings::Phase &phase : list)
        kinds << phase.kind;
    QCOMPARE(kinds,
             (QList<Kind> { Kind::Redirects, Kind::Prepare, Kind::Connect, Kind::TlsHandshake, Kind::Send,
                            Kind::Waiting, Kind::Download, Kind::Total }));
}

namespace {
// A language whose phase names are capitalised nouns, as German's are.
class NounTranslator : public QTranslator
{
public:
    QString translate(const char *context, const char *source, const char *, int) const override
    {
        if (qstrcmp(context, "Postern::HttpTimings") != 0)
            return QString();
        static const QHash<QByteArray, QString> words {
            { "Connect", u"Verbindung"_s },
            { "connect %1", u"Verbindung %1"_s },
            { "Waiting", u"Warten"_s },
            { "waiting %1", u"Warten %1"_s },
            { "Download", u"Herunterladen"_s },
            { "download %1", u"Herunterladen %1"_s },
            { "Total", u"Gesamt"_s },
            { "total %1", u"Gesamt %1"_s },
            { "Send", u"Senden"_s },
            { "send %1", u"Senden %1"_s },
            { "Prepare", u"Vorbereitung"_s },
            { "prepare %1", u"Vorbereitung %1"_s },
        };
        return words.value(QByteArray(source));
    }
    bool isEmpty() const override { return false; }
};
} // namespace

// The summary's words are the translator's, not the phase names lower-cased (a German noun keeps its
// capital letter).
void tst_HttpTimings::summaryInTheTranslatorsWords()
{
    NounTranslator translator;
    QVERIFY(QCoreApplication::installTranslator(&translator));
    const QString summary = make(1, -1, 3, 7, 8).summary();
    QCoreApplication::removeTranslator(&translator);
    QCOMPARE(
        summary,
        u"Vorbereitung 1.00 ms, Verbindung 2.00 ms, Warten 4.00 ms, Herunterladen 1.00 ms, Gesamt 8.00 ms"_s);
}

void tst_HttpTimings::jsonRoundTrip()
{
    HttpTimings timings = make(0.125, 2.5, 2.75, 40, 41.5);
    timings.redirects = 1;
    timings.lastHopStart = 0.125;
    const QJsonObject json = timings.toJson();
    QCOMPARE(HttpTimings::fromJson(json), timings);
    QCOMPARE(
        QJsonDocument(json).toJson(QJsonDocument::Compact),
        R"({"connectStarted":0.125,"encrypted":2.5,"finished":41.5,"headersReceived":40,"lastHopStart":0.125,)"
        R"("redirects":1,"requestSent":2.75})"_ba);
    // Unknown moments are left out, and come back unknown.
    const HttpTimings reused = make(-1, -1, 1, 2, 3);
    QVERIFY(!reused.toJson().contains(u"connectStarted"_s));
    QCOMPARE(HttpTimings::fromJson(reused.toJson()), reused);
    QVERIFY(!HttpTimings::fromJson(QJsonObject()).isKnown());
}

void tst_HttpTimings::hostileJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("strings") << R"({"finished":"12","requestSent":"x"})"_ba;
    QTest::newRow("negative") << R"({"finished":-5,"connectStarted":-1e300})"_ba;
    QTest::newRow("huge") << R"({"finished":1e308,"headersReceived":86400001})"_ba;
    QTest::newRow("objects") << R"({"finished":{"a":1},"requestSent":[1]})"_ba;
    QTest::newRow("redirects without limit") << R"({"redirects":1e12,"lastHopStart":-3})"_ba;
}

void tst_HttpTimings::hostileJson()
{
    QFETCH(QByteArray, json);
    const HttpTimings timings = HttpTimings::fromJson(QJsonDocument::fromJson(json).object());
    QVERIFY(!timings.isKnown());
    QCOMPARE(timings.requestSent, -1.0);
    QCOMPARE(timings.connectStarted, -1.0);
    QCOMPARE(timings.headersReceived, -1.0);
    QVERIFY(timings.redirects >= 0 && timings.redirects <= 1000);
    QVERIFY(timings.lastHopStart >= 0);
    QVERIFY(!timings.phases().isEmpty());
}

QTEST_GUILESS_MAIN(tst_HttpTimings)
#include "tst_httptimings.moc"
