// What the main window says back, driven offscreen by object name against a recording test server:
// the automatic Authorization row masked until asked, Copy's confirmation, no time for a request that
// never left, the port in a tab's title, and a window restored from a screen that is gone.

#include "everypage.h"
#include "oauth/tokenstore.h"
#include "shared/testhttpserver.h"
#include "ui/mainwindow.h"
#include "ui/request/requesteditor.h"
#include "ui/response/responseviewer.h"
#include "ui/widgets/keyvalueeditor.h"
#include "ui/widgets/keyvaluemodel.h"
#include "ui/workspace/requesttabs.h"
#include "workspace/sessionstore.h"
#include "workspace/workspace.h"

#include <QAccessible>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QScreen>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

namespace {

QString describe(const QRect &rect)
{
    return u"%1x%2 at (%3, %4)"_s.arg(rect.width()).arg(rect.height()).arg(rect.x()).arg(rect.y());
}

} // namespace

class tst_WindowFeedback : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void automaticAuthorizationIsMasked_data();
    void automaticAuthorizationIsMasked();
    void copySaysCopiedAndNeedsABody();
    void errorBeforeSendingTakesNoTime();
    void tabTitleKeepsThePort();
    void windowFitsTheScreen();
    void offScreenGeometryComesBack_data();
    void offScreenGeometryComesBack();

private:
    template<typename T> T *find(const char *name) const
    {
        T *widget = m_window->findChild<T *>(QString::fromLatin1(name));
        if (!widget)
            qWarning("no widget named %s", name);
        return widget;
    }
    bool sendAndWait();
    // What a screen reader reads in the headers table's cell (row, column).
    QString accessibleCell(int row, int column) const;

    QNetworkAccessManager m_manager;
    std::unique_ptr<TestHttpServer> m_server;
    QTemporaryDir m_dataDir;
    std::unique_ptr<TokenStore> m_tokens;
    std::unique_ptr<MainWindow> m_window;
};

void tst_WindowFeedback::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_WindowFeedback::init()
{
    m_server = std::make_unique<TestHttpServer>();
    QVERIFY(m_server->listenOnLoopback());
    m_tokens = std::make_unique<TokenStore>(m_dataDir.path()); // memory only
    m_window = std::make_unique<MainWindow>(&m_manager, m_tokens.get());
    HttpRequest request;
    request.url = m_server->url(u"/api/now/table/incident"_s).toString();
    m_window->setRequest(request);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void tst_WindowFeedback::cleanup()
{
    m_window.reset();
    m_tokens.reset();
    m_server.reset();
}

bool tst_WindowFeedback::sendAndWait()
{
    QSignalSpy shown(m_window->responseViewer(), &ResponseViewer::bodyShown);
    QTest::mouseClick(find<QPushButton>("sendButton"), Qt::LeftButton);
    return shown.wait(15000);
}

QString tst_WindowFeedback::accessibleCell(int row, int column) const
{
    QAccessibleInterface *table
        = QAccessible::queryAccessibleInterface(m_window->requestEditor()->headersEditor());
    if (!table || !table->tableInterface())
        return u"(no table)"_s;
    QAccessibleInterface *cell = table->tableInterface()->cellAt(row, column);
    return cell ? cell->text(QAccessible::Name) : u"(no cell)"_s;
}

void tst_WindowFeedback::automaticAuthorizationIsMasked_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("masked");
    QTest::addColumn<QString>("shown");
    QTest::newRow("Basic Auth") << u"Basic"_s << u"Basic ****"_s
                                << u"Basic "_s + QString::fromLatin1("ada:s3cret-pass"_ba.toBase64());
    QTest::newRow("Bearer token") << u"Bearer"_s << u"Bearer ****"_s << u"Bearer s3cret-bearer"_s;
    QTest::newRow("OAuth 2.0 token") << u"OAuth2"_s << u"Bearer ****"_s << u"Bearer s3cret-access"_s;
}

void tst_WindowFeedback::automaticAuthorizationIsMasked()
{
    QFETCH(QString, type);
    QFETCH(QString, masked);
    QFETCH(QString, shown);
    HttpRequest request;
    request.url = m_server->url(u"/x"_s).toString();
    if (type == u"Basic"_s) {
        request.auth.type = AuthType::Basic;
        request.auth.username = u"ada"_s;
        request.auth.password = u"s3cret-pass"_s;
    } else if (type == u"Bearer"_s) {
        request.auth.type = AuthType::Bearer;
        request.auth.token = u"s3cret-bearer"_s;
    } else {
        OAuth2Token token;
        token.id = OAuth2Token::newId();
        token.name = u"Test token"_s;
        token.accessToken = u"s3cret-access"_s;
        token.obtainedAt = QDateTime::currentDateTimeUtc();
        QSignalSpy changed(m_tokens.get(), &TokenStore::tokensChanged);
        m_tokens->add(token);
        QVERIFY(changed.wait(5000));
        request.auth.type = AuthType::OAuth2;
        request.auth.oauth2TokenId = token.id;
    }
    m_window->setRequest(request);

    // The Headers tab (Alt+E; Alt+H is the Help menu) shows the automatic row.
    auto *tabs = find<QTabWidget>("requestTabs");
    QTest::keyClick(m_window.get(), Qt::Key_E, Qt::AltModifier);
    QTRY_VERIFY(m_window->findChild<KeyValueEditor *>(u"headersTable"_s)
                && m_window->findChild<KeyValueEditor *>(u"headersTable"_s)->isVisible());
    KeyValueModel *headers = find<KeyValueEditor>("headersTable")->keyValueModel();
    QCOMPARE(headers->automaticRowCount(), 1);
    const QModelIndex value = headers->index(0, KeyValueModel::ValueColumn);
    // Shown and read masked, as Copy as cURL writes it.
    QCOMPARE(value.data().toString(), masked);
    QCOMPARE(accessibleCell(0, KeyValueModel::ValueColumn), masked);
    QVERIFY(!value.data(Qt::ToolTipRole).toString().contains(shown.section(u' ', 1)));

    // Then "Show authorization value" (Alt+W), on the same tab.
    auto *show = find<QCheckBox>("showAuthorizationValue");
    QCOMPARE(Testing::tabIndexOf(tabs, show), tabs->currentIndex());
    QVERIFY(show->isVisible());
    QTest::keyClick(m_window.get(), Qt::Key_W, Qt::AltModifier);
    QTRY_VERIFY(show->isChecked());
    QCOMPARE(value.data().toString(), shown);
    QCOMPARE(accessibleCell(0, KeyValueModel::ValueColumn), shown);

    // And hidden again.
    QTest::keyClick(m_window.get(), Qt::Key_W, Qt::AltModifier);
    QTRY_VERIFY(!show->isChecked());
    QCOMPARE(value.data().toString(), masked);

    // No credential, no row, nothing to show.
    auto *authType = find<QComboBox>("authType");
    authType->setCurrentIndex(authType->findText(u"No Auth"_s));
    QCOMPARE(headers->automaticRowCount(), 0);
    QVERIFY(!show->isVisible());
}

void tst_WindowFeedback::copySaysCopiedAndNeedsABody()
{
    // Before the first Send the response's place holds a placeholder, not the viewer and its buttons.
    QVERIFY(!m_window->findChild<QPushButton *>(u"copyBodyButton"_s));
    QCOMPARE(find<QLabel>("responsePlaceholderText")->text(), u"Send a request to see its answer here."_s);
    m_window->responseViewer(); // made when asked for, still empty
    QVERIFY(!m_window->findChild<QLabel *>(u"responsePlaceholderText"_s));
    auto *copy = find<QPushButton>("copyBodyButton");
    QVERIFY2(!copy->isEnabled(), "nothing to copy before a request was sent");

    m_server->setHandler([](const TestHttpServer::Request &) {
        TestHttpServer::Reply reply;
        reply.body = R"({"copied":true})";
        return reply;
    });
    QVERIFY(sendAndWait());
    QVERIFY(copy->isEnabled());
    QApplication::clipboard()->clear();
    QTest::mouseClick(copy, Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), u"{\n  \"copied\": true\n}"_s);
    QVERIFY2(m_window->statusBar()->currentMessage().startsWith(u"Copied"_s),
             qPrintable(m_window->statusBar()->currentMessage()));
    QCOMPARE(copy->text(), u"Copied"_s);
    QCOMPARE(QAccessible::queryAccessibleInterface(copy)->text(QAccessible::Name), u"Copied"_s);
    QTRY_COMPARE_WITH_TIMEOUT(copy->text(), u"&Copy"_s, 5000);

    m_server->setHandler([](const TestHttpServer::Request &) {
        TestHttpServer::Reply reply;
        reply.status = 204;
        reply.reason = "No Content";
        reply.body.clear();
        return reply;
    });
    QVERIFY(sendAndWait());
    QVERIFY2(!copy->isEnabled(), "a response without a body has nothing to copy");
}

void tst_WindowFeedback::errorBeforeSendingTakesNoTime()
{
    find<QLineEdit>("urlEdit")->setText(u"127.0.0.1/no/scheme"_s);
    QVERIFY(sendAndWait());
    auto *time = find<QLabel>("responseTime");
    QCOMPARE(find<QLabel>("responseStatus")->text(), u"Error"_s);
    QVERIFY2(time->text().isEmpty(), qPrintable(time->text()));
    QCOMPARE(QAccessible::queryAccessibleInterface(time)->text(QAccessible::Name), u"Time"_s);

    // A request that went out has its time, even when the answer is an error status.
    find<QLineEdit>("urlEdit")->setText(m_server->url(u"/ok"_s).toString());
    QVERIFY(sendAndWait());
    QVERIFY2(time->text().endsWith(u" ms"_s), qPrintable(time->text()));
}

void tst_WindowFeedback::tabTitleKeepsThePort()
{
    const QString hostAndPort = u"127.0.0.1:%1"_s.arg(m_server->serverPort());
    RequestTabs *tabs = m_window->requestTabs();
    QTRY_VERIFY2(tabs->tabText(tabs->currentIndex()).contains(hostAndPort + u"/api/now/table/incident"_s),
                 qPrintable(tabs->tabText(tabs->currentIndex())));
    // The tab's close button says which tab it closes.
    QWidget *close = tabs->tabBar()->tabButton(tabs->currentIndex(), QTabBar::RightSide);
    QVERIFY(close);
    QCOMPARE(QAccessible::queryAccessibleInterface(close)->text(QAccessible::Name),
             u"Close GET %1/api/now/table/incident"_s.arg(hostAndPort));
    // The query may hold a key: it stays out, and so does user info.
    find<QLineEdit>("urlEdit")->setText(u"http://user:pw@[::1]:8443/a?api_key=k"_s);
    QCOMPARE(tabs->tabText(tabs->currentIndex()).remove(u"\u2022 "_s), u"GET [::1]:8443/a"_s);
}

void tst_WindowFeedback::windowFitsTheScreen()
{
    const QRect available = m_window->screen()->availableGeometry();
    QVERIFY2(available.contains(m_window->frameGeometry()),
             qPrintable(describe(m_window->frameGeometry()) + u" outside "_s + describe(available)));
}

void tst_WindowFeedback::offScreenGeometryComesBack_data()
{
    const QRect available = QGuiApplication::primaryScreen()->availableGeometry();
    QTest::addColumn<QRect>("saved");
    QTest::newRow("on a screen that is gone")
        << QRect(available.right() + 8000, available.bottom() + 6000, 700, 500);
    QTest::newRow("mostly past the right edge")
        << QRect(available.right() - 100, available.top() + 40, 700, 500);
    QTest::newRow("title bar above the screen")
        << QRect(available.left() + 20, available.top() - 300, 600, 400);
    QTest::newRow("larger than the screen") << QRect(available.topLeft(), available.size() * 2);
}

void tst_WindowFeedback::offScreenGeometryComesBack()
{
    QFETCH(QRect, saved);
    QByteArray geometry;
    {
        QWidget elsewhere;
        elsewhere.setGeometry(saved);
        geometry = elsewhere.saveGeometry();
    }
    QTemporaryDir root;
    Workspace workspace(root.path());
    QVERIFY(workspace.open());
    Session session;
    session.windowGeometry = geometry;
    QCOMPARE(SessionStore(workspace.stateDirectory()).save(session), QString());

    m_window.reset();
    m_window = std::make_unique<MainWindow>(&m_manager, m_tokens.get());
    m_window->openWorkspace(&workspace);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    const QRect available = m_window->screen()->availableGeometry();
    QVERIFY2(available.contains(m_window->frameGeometry()),
             qPrintable(describe(m_window->frameGeometry()) + u" outside "_s + describe(available)));
    const QSize frame = m_window->frameGeometry().size() - m_window->size();
    // Its saved size where the screen has room for it (and the window's layout allows it).
    const QSize expected
        = saved.size().boundedTo(available.size() - frame).expandedTo(m_window->minimumSizeHint());
    QCOMPARE(m_window->size(), expected);
    m_window.reset();
}

QTEST_MAIN(tst_WindowFeedback)
#include "tst_windowfeedback.moc"
