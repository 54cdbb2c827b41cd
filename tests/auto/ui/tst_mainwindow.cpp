// Drives the real main window, offscreen, against the sandbox instance and a recording test
// server: the way a user sends a request and reads the answer, and every bad input the request
// editor must turn into a clear message.

#include "everypage.h"
#include "oauth/tokenstore.h"
#include "sandbox/sandboxserver.h"
#include "shared/testhttpserver.h"
#include "ui/mainwindow.h"
#include "ui/request/assertionseditor.h"
#include "ui/request/bodyeditor.h"
#include "ui/request/requesteditor.h"
#include "ui/request/scriptseditor.h"
#include "ui/response/responseviewer.h"
#include "ui/widgets/codeeditor.h"
#include "ui/widgets/keyvalueeditor.h"
#include "ui/widgets/lineview.h"
#include "ui/workspace/requesttab.h"
#include "ui/workspace/requesttabs.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

Q_DECLARE_METATYPE(Postern::HttpResponse)

class tst_MainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void startsWithIncidentRequest();
    void sendShowsTenIncidents();
    void keyboardSendsAndFocusesUrl();
    void theFirstSendMakesTheResponseViewer();
    void urlAndParamsFollowEachOther();
    void basicAuthIsAnAutomaticHeader();
    void wrongPasswordShowsInstance401();
    void cancelSlowRequest();
    void progressWhileReceiving();
    void badInput_data();
    void badInput();
    void nonJsonLabelledJsonShownRaw();
    void emptyBody();
    void prettyKeepsKeyOrderAndRawIsVerbatim();
    void pastedCurlIsImported();
    void pastedCurlInANewTabIsReported();
    void copyAsCurlMasksCredentials();
    void everyControlHasAnAccessibleName();
    void hiddenPagesAreMadeWhenOpened();
    void openingATabKeepsTheLayout();
    void urlClearButtonAfterTheFirstFrame();
    void screenReaderHearsTheValues_data();
    void screenReaderHearsTheValues();

private:
    template<typename T> T *find(const char *name) const
    {
        T *widget = m_window->findChild<T *>(QString::fromLatin1(name));
        if (!widget)
            qWarning("no widget named %s", name);
        return widget;
    }
    // Clicks Send and waits until the answer is on screen.
    bool sendAndWait();
    QString bodyText() const { return find<LineView>("responseBody")->text(); }
    QString status() const { return find<QLabel>("responseStatus")->text(); }
    QString message() const { return find<QLabel>("responseMessage")->text(); }

    QNetworkAccessManager m_manager;
    std::unique_ptr<Sandbox::SandboxServer> m_sandbox;
    std::unique_ptr<TestHttpServer> m_server;
    QTemporaryDir m_dataDir;
    std::unique_ptr<TokenStore> m_tokens;
    std::unique_ptr<MainWindow> m_window;
};

void tst_MainWindow::initTestCase()
{
    qRegisterMetaType<HttpResponse>();
    m_sandbox = std::make_unique<Sandbox::SandboxServer>(Sandbox::Registry::defaults());
    QVERIFY2(m_sandbox->listen(0), qPrintable(m_sandbox->errorString()));
}

void tst_MainWindow::init()
{
    m_server = std::make_unique<TestHttpServer>();
    QVERIFY(m_server->listenOnLoopback());
    m_tokens = std::make_unique<TokenStore>(m_dataDir.path()); // memory only: no keychain in this test
    m_window = std::make_unique<MainWindow>(&m_manager, m_tokens.get());
    m_window->setRequest(MainWindow::incidentRequest(m_sandbox->baseUrl(), u"admin"_s, u"admin"_s));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void tst_MainWindow::cleanup()
{
    m_window.reset();
    m_tokens.reset();
    m_server.reset();
}

bool tst_MainWindow::sendAndWait()
{
    QSignalSpy shown(m_window->responseViewer(), &ResponseViewer::bodyShown);
    QTest::mouseClick(find<QPushButton>("sendButton"), Qt::LeftButton);
    return shown.wait(15000);
}

void tst_MainWindow::startsWithIncidentRequest()
{
    const QString url = find<QLineEdit>("urlEdit")->text();
    QCOMPARE(url, m_sandbox->baseUrl().toString() + u"/api/now/table/incident?sysparm_limit=10"_s);
    QCOMPARE(find<QComboBox>("methodCombo")->currentText(), u"GET"_s);
    auto *params = find<KeyValueEditor>("paramsTable")->keyValueModel();
    QCOMPARE(params->rows().size(), 1);
    QCOMPARE(params->rows().first().key, u"sysparm_limit"_s);
    QCOMPARE(find<QComboBox>("authType")->currentText(), u"Basic Auth"_s);
}

void tst_MainWindow::sendShowsTenIncidents()
{
    QVERIFY(sendAndWait());
    QVERIFY2(status().startsWith(u"200"_s), qPrintable(status()));
    QVERIFY(find<QLabel>("responseTime")->text().endsWith(u"ms"_s));
    QVERIFY(!find<QLabel>("responseSize")->text().isEmpty());
    const QString body = bodyText();
    QCOMPARE(body.count(u"\"number\": \"INC"_s), 10);
    QVERIFY(body.startsWith(u"{\n  \"result\": [\n"_s));

    QVERIFY(Testing::openTab(find<QTabWidget>("responseTabs"), u"Headers"_s));
    auto *headers = find<QTableWidget>("responseHeaders");
    bool totalCount = false;
    for (int row = 0; row < headers->rowCount(); ++row) {
        if (headers->item(row, 0)->text().compare(u"X-Total-Count"_s, Qt::CaseInsensitive) == 0)
            totalCount = headers->item(row, 1)->text().toInt() >= 50;
    }
    QVERIFY(totalCount);
    QCOMPARE(find<QPushButton>("sendButton")->text(), u"Send"_s);
}

void tst_MainWindow::keyboardSendsAndFocusesUrl()
{
    m_window->responseViewer(); // made before the first Send when asked for
    find<LineView>("responseBody")->setFocus();
    QTest::keyClick(m_window.get(), Qt::Key_L, Qt::ControlModifier);
    QTRY_VERIFY(find<QLineEdit>("urlEdit")->hasFocus());
    QSignalSpy shown(m_window->responseViewer(), &ResponseViewer::bodyShown);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(shown.wait(15000));
    QVERIFY2(status().startsWith(u"200"_s), qPrintable(status()));
}

// Until the first Send a light placeholder stands where the response will be; Send puts the viewer,
// with its pages and tool bar, in its place at its size.
void tst_MainWindow::theFirstSendMakesTheResponseViewer()
{
    QVERIFY(!m_window->findChild<ResponseViewer *>());
    auto *placeholder = find<QLabel>("responsePlaceholderText");
    QVERIFY(placeholder->isVisible());
    QCOMPARE(QAccessible::queryAccessibleInterface(placeholder)->text(QAccessible::Name),
             u"Send a request to see its answer here."_s);
    auto *splitter = m_window->findChild<QSplitter *>(u"mainSplitter"_s);
    const QList<int> sizes = splitter->sizes();
    QSignalSpy exchanged(m_window->requestTabs()->currentTab(), &RequestTab::exchanged);
    find<QLineEdit>("urlEdit")->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(exchanged.wait(15000));
    auto *viewer = m_window->findChild<ResponseViewer *>();
    QVERIFY(viewer);
    QVERIFY(viewer->isVisible());
    QVERIFY(!m_window->findChild<QLabel *>(u"responsePlaceholderText"_s));
    QCOMPARE(splitter->sizes(), sizes);
    QTRY_VERIFY2(status().startsWith(u"200"_s), qPrintable(status()));
}

void tst_MainWindow::urlAndParamsFollowEachOther()
{
    auto *url = find<QLineEdit>("urlEdit");
    auto *params = find<KeyValueEditor>("paramsTable")->keyValueModel();
    url->clear();
    url->setFocus();
    QTest::keyClicks(url,
                     m_sandbox->baseUrl().toString()
                         + u"/api/now/table/incident?sysparm_limit=3&sysparm_fields=number"_s);
    QCOMPARE(params->rows().size(), 2);
    QCOMPARE(params->rows().at(1).value, u"number"_s);

    // Edit the table: the URL follows.
    QVERIFY(params->setData(params->index(0, KeyValueModel::ValueColumn), u"5"_s, Qt::EditRole));
    QVERIFY(url->text().endsWith(u"?sysparm_limit=5&sysparm_fields=number"_s));
    // Untick a row: it leaves the URL but stays in the table.
    QVERIFY(params->setData(params->index(1, KeyValueModel::KeyColumn), Qt::Unchecked, Qt::CheckStateRole));
    QVERIFY(url->text().endsWith(u"?sysparm_limit=5"_s));
    QCOMPARE(params->rows().size(), 2);
    // Add a row through the placeholder row.
    QVERIFY(params->setData(params->index(2, KeyValueModel::KeyColumn), u"sysparm_offset"_s, Qt::EditRole));
    QVERIFY(params->setData(params->index(2, KeyValueModel::ValueColumn), u"2"_s, Qt::EditRole));
    QVERIFY(url->text().endsWith(u"?sysparm_limit=5&sysparm_offset=2"_s));

    QVERIFY(sendAndWait());
    QVERIFY(status().startsWith(u"200"_s));
    QCOMPARE(bodyText().count(u"\"number\": \"INC"_s), 5);
}

void tst_MainWindow::basicAuthIsAnAutomaticHeader()
{
    auto *headers = m_window->requestEditor()->headersEditor()->keyValueModel();
    QCOMPARE(headers->automaticRowCount(), 1);
    const QModelIndex key = headers->index(0, KeyValueModel::KeyColumn);
    QCOMPARE(key.data().toString(), u"Authorization"_s);
    QVERIFY(headers->index(0, KeyValueModel::ValueColumn).data().toString().startsWith(u"Basic "_s));
    QVERIFY(!(headers->flags(key) & Qt::ItemIsEditable));
    QVERIFY(key.data(Qt::ToolTipRole).toString().contains(u"Authorization tab"_s));

    auto *type = find<QComboBox>("authType");
    type->setCurrentIndex(type->findText(u"No Auth"_s));
    QCOMPARE(headers->automaticRowCount(), 0);
    QVERIFY(sendAndWait());
    QVERIFY2(status().startsWith(u"401"_s), qPrintable(status()));
    QVERIFY(bodyText().contains(u"User Not Authenticated"_s));
}

void tst_MainWindow::wrongPasswordShowsInstance401()
{
    find<QLineEdit>("basicPassword")->setText(u"wrong"_s);
    QVERIFY(sendAndWait());
    QVERIFY2(status().startsWith(u"401"_s), qPrintable(status()));
    QVERIFY(bodyText().contains(u"\"status\": \"failure\""_s));
    QVERIFY(message().isEmpty() || !find<QLabel>("responseMessage")->isVisible());
}

void tst_MainWindow::cancelSlowRequest()
{
    m_server->setHandler([](const TestHttpServer::Request &) {
        TestHttpServer::Reply reply;
        reply.silent = true;
        return reply;
    });
    find<QLineEdit>("urlEdit")->setText(m_server->url(u"/slow"_s).toString());
    auto *send = find<QPushButton>("sendButton");
    QSignalSpy shown(m_window->responseViewer(), &ResponseViewer::bodyShown);
    QSignalSpy received(m_server.get(), &TestHttpServer::requestReceived);
    QTest::mouseClick(send, Qt::LeftButton);
    QCOMPARE(send->text(), u"Cancel"_s);
    QVERIFY(find<QWidget>("responseBusy")->isVisible());
    QVERIFY(received.wait());
    QTest::mouseClick(send, Qt::LeftButton);
    QVERIFY(shown.wait());
    QCOMPARE(status(), u"Canceled"_s);
    QVERIFY(message().contains(u"canceled"_s));
    QCOMPARE(send->text(), u"Send"_s);
    QVERIFY(!find<QWidget>("responseBusy")->isVisible());
}

// An answer of 4,000,000 bytes of which the server sends a quarter and then waits: the status says how
// much came of how much (and how fast), the bar follows, and Cancel still ends it.
void tst_MainWindow::progressWhileReceiving()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    connect(&server, &QTcpServer::newConnection, &server, [&server] {
        QTcpSocket *socket = server.nextPendingConnection();
        connect(socket, &QTcpSocket::readyRead, socket, [socket] {
            if (!socket->readAll().contains("\r\n\r\n"))
                return;
            socket->write(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4000000\r\n\r\n");
            socket->write(QByteArray(1000000, ' '));
        });
    });
    find<QLineEdit>("urlEdit")->setText(u"http://127.0.0.1:%1/big"_s.arg(server.serverPort()));
    QSignalSpy shown(m_window->responseViewer(), &ResponseViewer::bodyShown);
    QTest::mouseClick(find<QPushButton>("sendButton"), Qt::LeftButton);
    auto *statusLabel = find<QLabel>("responseStatus");
    const auto size = [](qint64 bytes) {
        return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
    };
    const QString expected
        = u"Receiving %1 of %2, "_s.arg(size(1000000), size(4000000)); // 976.6 kB of 3.8 MB
    QVERIFY2(QTest::qWaitFor([&] { return statusLabel->text().startsWith(expected); }, 15000),
             qPrintable(statusLabel->text()));
    QVERIFY2(statusLabel->text().endsWith(u"/s"_s), qPrintable(statusLabel->text())); // the rate
    // Read as it is shown.
    QCOMPARE(QAccessible::queryAccessibleInterface(statusLabel)->text(QAccessible::Name),
             u"Status: "_s + statusLabel->text());
    auto *bar = find<QProgressBar>("responseBusy");
    QCOMPARE(bar->maximum(), 1000);
    QCOMPARE(bar->value(), 250);
    // More than the announced size (a compressed answer, unpacked as it comes): no "of", no full bar.
    m_window->responseViewer()->setProgress(5000000, 4000000);
    QVERIFY2(statusLabel->text().startsWith(u"Receiving %1, "_s.arg(size(5000000))),
             qPrintable(statusLabel->text()));
    QTest::mouseClick(find<QPushButton>("sendButton"), Qt::LeftButton); // Cancel
    QVERIFY(shown.wait());
    QCOMPARE(status(), u"Canceled"_s);
    QVERIFY(!bar->isVisible());
}

void tst_MainWindow::badInput_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QString>("expected");
    QTest::newRow("URL without scheme") << u"noscheme"_s << u"no scheme"_s;
    QTest::newRow("URL without host") << u"nohost"_s << u"no host"_s;
    QTest::newRow("header name with a space") << u"headername"_s << u"a space"_s;
    QTest::newRow("header value with CR LF") << u"headervalue"_s << u"carriage return"_s;
    QTest::newRow("refused connection") << u"refused"_s << u"refused"_s;
    QTest::newRow("server that never answers") << u"timeout"_s << u"timed out"_s;
}

void tst_MainWindow::badInput()
{
    QFETCH(QString, scenario);
    QFETCH(QString, expected);
    auto *url = find<QLineEdit>("urlEdit");
    auto *headers = m_window->requestEditor()->headersEditor()->keyValueModel();
    const int firstUserRow = headers->automaticRowCount();
    if (scenario == u"noscheme"_s) {
        url->setText(u"127.0.0.1/api/now/table/incident"_s);
    } else if (scenario == u"nohost"_s) {
        url->setText(u"https:///api/now/table/incident"_s);
    } else if (scenario == u"headername"_s) {
        headers->setData(headers->index(firstUserRow, KeyValueModel::KeyColumn), u"X Bad"_s, Qt::EditRole);
    } else if (scenario == u"headervalue"_s) {
        headers->setData(headers->index(firstUserRow, KeyValueModel::ValueColumn), u"json\r\nX-Evil: 1"_s,
                         Qt::EditRole);
    } else if (scenario == u"refused"_s) {
        const quint16 port = m_server->serverPort();
        m_server->close();
        url->setText(u"http://127.0.0.1:%1/"_s.arg(port));
    } else if (scenario == u"timeout"_s) {
        m_server->setHandler([](const TestHttpServer::Request &) {
            TestHttpServer::Reply reply;
            reply.silent = true;
            return reply;
        });
        url->setText(m_server->url(u"/never"_s).toString());
        m_window->requestEditor()->settingsPage();
        find<QSpinBox>("timeoutSpin")->setValue(300);
    }
    QVERIFY(sendAndWait());
    QCOMPARE(status(), u"Error"_s);
    QVERIFY(find<QLabel>("responseMessage")->isVisible());
    QVERIFY2(message().contains(expected), qPrintable(message()));
    QCOMPARE(find<QPushButton>("sendButton")->text(), u"Send"_s);
}

void tst_MainWindow::nonJsonLabelledJsonShownRaw()
{
    m_server->setHandler([](const TestHttpServer::Request &) {
        TestHttpServer::Reply reply;
        reply.status = 500;
        reply.reason = "Internal Server Error";
        reply.body = "<html><body>Upstream error</body></html>";
        return reply; // Content-Type: application/json
    });
    find<QLineEdit>("urlEdit")->setText(m_server->url(u"/lying"_s).toString());
    QVERIFY(sendAndWait());
    QVERIFY(status().startsWith(u"500"_s));
    QVERIFY2(message().contains(u"not valid JSON"_s), qPrintable(message()));
    QCOMPARE(bodyText(), u"<html><body>Upstream error</body></html>"_s);
}

void tst_MainWindow::emptyBody()
{
    m_server->setHandler([](const TestHttpServer::Request &) {
        TestHttpServer::Reply reply;
        reply.status = 204;
        reply.reason = "No Content";
        reply.body.clear();
        return reply;
    });
    find<QLineEdit>("urlEdit")->setText(m_server->url(u"/empty"_s).toString());
    QVERIFY(sendAndWait());
    QCOMPARE(status(), u"204 No Content"_s);
    QVERIFY(bodyText().isEmpty());
    QVERIFY(find<LineView>("responseBody")->placeholderText().contains(u"no body"_s));
}

void tst_MainWindow::prettyKeepsKeyOrderAndRawIsVerbatim()
{
    const QByteArray raw = R"({"z":1.50,"a":{"link":"x","value":"y"}})";
    m_server->setHandler([raw](const TestHttpServer::Request &) {
        TestHttpServer::Reply reply;
        reply.body = raw;
        return reply;
    });
    find<QLineEdit>("urlEdit")->setText(m_server->url(u"/order"_s).toString());
    QVERIFY(sendAndWait());
    QCOMPARE(bodyText(),
             u"{\n  \"z\": 1.50,\n  \"a\": {\n    \"link\": \"x\",\n    \"value\": \"y\"\n  }\n}"_s);
    QTest::mouseClick(find<QAbstractButton>("rawButton"), Qt::LeftButton);
    QCOMPARE(bodyText(), QString::fromUtf8(raw));
    QTest::mouseClick(find<QAbstractButton>("prettyButton"), Qt::LeftButton);
    QVERIFY(bodyText().startsWith(u"{\n  \"z\": 1.50"_s));
}

void tst_MainWindow::pastedCurlIsImported()
{
    auto *url = find<QLineEdit>("urlEdit");
    url->clear();
    url->setFocus();
    // What a user pastes from ServiceNow's docs (the paste arrives as one edit).
    const QString command = u"curl \"%1/api/now/table/incident?sysparm_limit=2\" --request GET "
                            "--header \"Accept:application/json\" --user 'admin':'admin'"_s.arg(
                                m_sandbox->baseUrl().toString());
    url->insert(command);
    QCOMPARE(url->text(), m_sandbox->baseUrl().toString() + u"/api/now/table/incident?sysparm_limit=2"_s);
    QCOMPARE(find<QComboBox>("authType")->currentText(), u"Basic Auth"_s);
    QCOMPARE(find<KeyValueEditor>("paramsTable")->keyValueModel()->rows().size(), 1);
    QVERIFY(sendAndWait());
    QVERIFY(status().startsWith(u"200"_s));
    QCOMPARE(bodyText().count(u"\"number\": \"INC"_s), 2);

    url->selectAll();
    url->insert(u"curl 'unterminated"_s);
    QVERIFY(m_window->statusBar()->currentMessage().startsWith(u"Not imported"_s));
}

// Every tab reports its curl imports in the status bar, not only the first one.
void tst_MainWindow::pastedCurlInANewTabIsReported()
{
    m_window->requestTabs()->newTab();
    m_window->requestTabs()->newTab();
    auto *url = m_window->requestTabs()->currentTab()->findChild<QLineEdit *>(u"urlEdit"_s);
    QVERIFY(url);
    url->setFocus();
    url->insert(u"curl https://example.invalid/api"_s);
    QCOMPARE(m_window->statusBar()->currentMessage(), u"Imported the curl command."_s);
    url->selectAll();
    url->insert(u"curl 'unterminated"_s);
    QVERIFY(m_window->statusBar()->currentMessage().startsWith(u"Not imported"_s));
}

void tst_MainWindow::copyAsCurlMasksCredentials()
{
    m_window->copyAsCurl(CurlCommand::Secrets::Mask);
    const QString masked = QApplication::clipboard()->text();
    QVERIFY2(masked.startsWith(u"curl "_s), qPrintable(masked));
    QVERIFY(masked.contains(u"Basic ****"_s));
    QVERIFY(!masked.contains(QString::fromLatin1("admin:admin"_ba.toBase64())));
    m_window->copyAsCurl(CurlCommand::Secrets::Include);
    QVERIFY(QApplication::clipboard()->text().contains(QString::fromLatin1("admin:admin"_ba.toBase64())));
}

void tst_MainWindow::everyControlHasAnAccessibleName()
{
    // What a screen reader reads: the accessible name of every control that can take focus.
    Testing::makeEveryPage(m_window.get());
    QStringList unnamed;
    const QList<QWidget *> widgets = m_window->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        // Every page counts, the hidden ones of a tab or stack too.
        if (widget->focusPolicy() == Qt::NoFocus || widget->inherits("QScrollBar")
            || widget->inherits("QComboBoxListView")) // a combo box's popup list, named by its items
            continue;
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(widget);
        QVERIFY(iface);
        if (iface->text(QAccessible::Name).trimmed().isEmpty())
            unnamed << (QString::fromLatin1(widget->metaObject()->className()) + u" "_s
                        + widget->objectName());
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u", "_s)));
}

// The Body, Scripts and Assertions pages are made when first opened (the window shows sooner); until then
// the request keeps what they would show, and opening them changes nothing in it.
void tst_MainWindow::hiddenPagesAreMadeWhenOpened()
{
    HttpRequest request = MainWindow::incidentRequest(m_sandbox->baseUrl(), u"admin"_s, u"admin"_s);
    request.method = u"POST"_s;
    request.body = R"({"short_description": "made when opened"})"_ba;
    request.bodyContentType = u"application/json"_s;
    request.scripts = QJsonArray { QJsonObject {
        { u"listen"_s, u"test"_s },
        { u"script"_s, QJsonObject { { u"exec"_s, QJsonArray { u"pm.test('created', () => {});"_s } } } } } };
    request.assertions = { { u"res.status"_s, u"eq"_s, u"201"_s, true } };
    request.captures = { { u"sys_id"_s, u"environment"_s, u"res.body.result.sys_id"_s, true } };
    request.headers
        = { { u"X-Trace"_s, u"made-when-opened"_s, true, {} }, { u"X-Off"_s, u"1"_s, false, {} } };
    request.timeoutMs = 4500;
    request.verifyTls = false;
    request.followRedirects = false;
    m_window->setRequest(request);
    RequestEditor *editor = m_window->requestEditor();
    QVERIFY(!m_window->findChild<KeyValueEditor *>(u"headersTable"_s));
    QVERIFY(!m_window->findChild<QSpinBox *>(u"timeoutSpin"_s));
    QVERIFY(!m_window->findChild<BodyEditor *>());
    QVERIFY(!m_window->findChild<ScriptsEditor *>());
    QVERIFY(!m_window->findChild<AssertionsEditor *>());
    const HttpRequest unopened = editor->request();
    QCOMPARE(unopened.body, request.body);
    QCOMPARE(unopened.bodyContentType, request.bodyContentType);
    QCOMPARE(unopened.scripts, request.scripts);
    QCOMPARE(unopened.assertions, request.assertions);
    QCOMPARE(unopened.captures, request.captures);
    QCOMPARE(unopened.headers, request.headers);
    QCOMPARE(unopened.timeoutMs, 4500);
    QVERIFY(!unopened.verifyTls);
    QVERIFY(!unopened.followRedirects);
    const QJsonObject before = unopened.toJson(OAuth2Config::Secrets::Include);

    // Opened the way a keyboard user does: the tabs' mnemonics, and Ctrl+Tab onto Assertions.
    QTest::keyClick(m_window.get(), Qt::Key_B, Qt::AltModifier);
    auto *body = m_window->findChild<BodyEditor *>();
    QVERIFY(body);
    QTRY_VERIFY(body->isVisible());
    QCOMPARE(find<QPlainTextEdit>("bodyEdit")->toPlainText(), QString::fromUtf8(request.body));
    QTest::keyClick(m_window.get(), Qt::Key_I, Qt::AltModifier);
    auto *scripts = m_window->findChild<ScriptsEditor *>();
    QVERIFY(scripts);
    QTRY_VERIFY(scripts->isVisible());
    QCOMPARE(scripts->postResponse()->toPlainText(), u"pm.test('created', () => {});"_s);
    auto *tabs = find<QTabWidget>("requestTabs");
    tabs->currentWidget()->setFocus();
    QTest::keyClick(tabs, Qt::Key_Tab, Qt::ControlModifier);
    auto *assertions = m_window->findChild<AssertionsEditor *>();
    QVERIFY(assertions);
    QTRY_VERIFY(assertions->isVisible());
    QCOMPARE(assertions->assertions(), request.assertions);
    QTest::keyClick(m_window.get(), Qt::Key_E, Qt::AltModifier); // Headers (Alt+H is the Help menu)
    auto *headers = m_window->findChild<KeyValueEditor *>(u"headersTable"_s);
    QVERIFY(headers);
    QTRY_VERIFY(headers->isVisible());
    QCOMPARE(headers->keyValueModel()->rows(), request.headers);
    QVERIFY(Testing::openTab(tabs, u"Settings"_s));
    auto *timeout = m_window->findChild<QSpinBox *>(u"timeoutSpin"_s);
    QVERIFY(timeout);
    QTRY_VERIFY(timeout->isVisible());
    QCOMPARE(timeout->value(), 4500);
    QVERIFY(!find<QCheckBox>("verifyTls")->isChecked());
    QVERIFY(!find<QCheckBox>("followRedirects")->isChecked());
    QCOMPARE(editor->request().toJson(OAuth2Config::Secrets::Include), before);

    // From then on the page is the request's: an edit there is in it.
    QSignalSpy changed(editor, &RequestEditor::changed);
    QTest::keyClick(m_window.get(), Qt::Key_B, Qt::AltModifier);
    auto *edit = find<QPlainTextEdit>("bodyEdit");
    edit->setFocus();
    edit->moveCursor(QTextCursor::End);
    QTest::keyClicks(edit, u" "_s);
    QVERIFY(!changed.isEmpty());
    QCOMPARE(editor->request().body, request.body + ' ');
    changed.clear();
    find<QCheckBox>("followRedirects")->click();
    QCOMPARE(changed.size(), 1);
    QVERIFY(editor->request().followRedirects);
}

// A page made when first opened needs no more room than the ones made at start: opening it does not
// move the line between the request and the response.
void tst_MainWindow::openingATabKeepsTheLayout()
{
    auto *splitter = find<QSplitter>("mainSplitter");
    auto *tabs = find<QTabWidget>("requestTabs");
    QTRY_VERIFY(splitter->sizes().value(0) > 0);
    const QList<int> sizes = splitter->sizes();
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        QApplication::processEvents();
        QCOMPARE(splitter->sizes(), sizes);
    }
    QVERIFY(m_window->findChild<BodyEditor *>());
}

// The URL field's clear button (its icon is the first lookup in the icon theme) comes once the window's
// first frame is painted, named for a screen reader.
void tst_MainWindow::urlClearButtonAfterTheFirstFrame()
{
    MainWindow window(&m_manager, m_tokens.get());
    auto *url = window.findChild<QLineEdit *>(u"urlEdit"_s);
    QVERIFY(url);
    QVERIFY(!url->isClearButtonEnabled());
    window.show();
    QTRY_VERIFY(url->isClearButtonEnabled());
    const QList<QAbstractButton *> clear = url->findChildren<QAbstractButton *>();
    QCOMPARE(clear.size(), 1);
    QCOMPARE(QAccessible::queryAccessibleInterface(clear.first())->text(QAccessible::Name), u"Clear URL"_s);
}

void tst_MainWindow::screenReaderHearsTheValues_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::newRow("answered by the sandbox") << u"answered"_s;
    QTest::newRow("refused connection") << u"refused"_s;
}

void tst_MainWindow::screenReaderHearsTheValues()
{
    // What AT-SPI passes on: the accessible name of each label, which must carry its value.
    auto name = [](QWidget *widget) {
        return QAccessible::queryAccessibleInterface(widget)->text(QAccessible::Name);
    };
    QFETCH(QString, scenario);
    if (scenario == u"refused"_s) {
        const quint16 port = m_server->serverPort();
        m_server->close();
        find<QLineEdit>("urlEdit")->setText(u"http://127.0.0.1:%1/"_s.arg(port));
    }
    QVERIFY(sendAndWait());
    auto *statusLabel = find<QLabel>("responseStatus");
    auto *time = find<QLabel>("responseTime");
    auto *size = find<QLabel>("responseSize");
    auto *messageLabel = find<QLabel>("responseMessage");
    QCOMPARE(name(statusLabel), u"Status: "_s + statusLabel->text());
    QCOMPARE(name(time), u"Time: "_s + time->text());
    QVERIFY2(time->text().endsWith(u" ms"_s), qPrintable(time->text()));
    QVERIFY(!QAccessible::queryAccessibleInterface(statusLabel)->text(QAccessible::Description).isEmpty());
    if (scenario == u"answered"_s) {
        QVERIFY2(name(statusLabel) == u"Status: 200 OK"_s, qPrintable(name(statusLabel)));
        QVERIFY(!size->text().isEmpty());
        QCOMPARE(name(size), u"Size: "_s + size->text());
        // The Timing tab: the connection and each phase, read as the cells of the list.
        QVERIFY(Testing::openTab(find<QTabWidget>("responseTabs"), u"Timing"_s));
        QVERIFY2(name(find<QLabel>("timingConnection")).startsWith(u"Connection: "_s),
                 qPrintable(name(find<QLabel>("timingConnection"))));
        QAccessibleInterface *phases = QAccessible::queryAccessibleInterface(find<QWidget>("timingPhases"));
        QCOMPARE(phases->text(QAccessible::Name), u"Timing of the phases"_s);
        QStringList cells;
        for (int i = 0; i < phases->childCount(); ++i)
            cells << phases->child(i)->text(QAccessible::Name);
        for (const QString &expected : { u"Phase"_s, u"Waiting"_s, u"Download"_s, u"Total"_s })
            QVERIFY2(cells.contains(expected), qPrintable(cells.join(u" | "_s)));
        QVERIFY2(!time->toolTip().isEmpty(), "the time's tooltip sums the phases up");
    } else {
        QCOMPARE(name(statusLabel), u"Status: Error"_s);
        QCOMPARE(name(size), u"Size"_s); // nothing came back
        QVERIFY(messageLabel->isVisible());
        QVERIFY2(message().contains(u"refused"_s), qPrintable(message()));
        QCOMPARE(name(messageLabel), message());
        QCOMPARE(QAccessible::queryAccessibleInterface(messageLabel)->text(QAccessible::Description),
                 u"Error"_s);
    }

    // The URL field's clear button (a child Qt adds without a name) is named.
    auto *url = find<QLineEdit>("urlEdit");
    const QList<QAbstractButton *> clear = url->findChildren<QAbstractButton *>();
    QCOMPARE(clear.size(), 1);
    QCOMPARE(name(clear.first()), u"Clear URL"_s);
    // The instance in the status bar is read as what it says.
    m_window->setInstanceStatus(u"Instance: https://dev1.example.com"_s);
    QCOMPARE(name(find<QLabel>("instanceStatus")), u"Instance: https://dev1.example.com"_s);
    // The timeout field is named by its visible label.
    QVERIFY(Testing::openTab(find<QTabWidget>("requestTabs"), u"Settings"_s));
    QCOMPARE(name(find<QWidget>("timeoutSpin")).remove(u':'), u"Timeout"_s);
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
