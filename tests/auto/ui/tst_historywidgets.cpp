// The history pane, the cookies table (in the Cookie Manager and as the response's Cookies tab),
// driven offscreen by object name the way a user would: typing, keys, clicks and confirmations.

#include "everypage.h"
#include "history/cookiestore.h"
#include "history/historystore.h"
#include "ui/history/cookiemanagerdialog.h"
#include "ui/history/historypane.h"
#include "ui/response/cookiesview.h"
#include "ui/response/responseviewer.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

Q_DECLARE_METATYPE(Postern::HttpRequest)

class tst_HistoryWidgets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void paneListsNewestFirst();
    void searchFilters_data();
    void searchFilters();
    void enterOpensTheEntry();
    void searchFieldLeadsToTheResults();
    void contextActionOpens();
    void deleteKeyRemovesEntry();
    void clearAsksFirst();
    void paneSurvivesItsStore();
    void cookieManagerFiltersAndDeletes();
    void deleteAllCookiesAsksFirst();
    void responseCookiesTab();
    void everyControlHasAnAccessibleName();
    void narrowPaneGivesTheUrlTheRoom();
    void rowTooltipHasUrlAndTimes();

private:
    static HttpResponse response(int status, const QString &reason = {});
    static HttpRequest request(const QString &method, const QString &url);
    // Waits for the confirmation named name under parent and clicks its button named button.
    static bool answer(QWidget *parent, const char *name, const char *button);
    static QStringList unnamedControls(QWidget *root);
    static QNetworkCookie cookie(const char *name, const QString &domain);
    // Puts in one cookie(name, domain) per pair, in order.
    static void insertCookies(CookieStore *jar,
                              const QList<std::pair<const char *, QString>> &namesAndDomains);

    QTemporaryDir m_dir;
    std::unique_ptr<HistoryStore> m_history;
    std::unique_ptr<HistoryPane> m_pane;
};

void tst_HistoryWidgets::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qRegisterMetaType<HttpRequest>();
}

void tst_HistoryWidgets::init()
{
    m_history = std::make_unique<HistoryStore>(QString());
    QVERIFY(m_history->load());
    HttpRequest post = request(u"POST"_s, u"https://api.example.org/users"_s);
    post.headers
        = { { u"Authorization"_s, u"Bearer secret"_s, true, {} }, { u"X-Trace"_s, u"1"_s, true, {} } };
    post.body = R"({"name":"ada"})";
    m_history->record(post, response(201, u"Created"_s));
    m_history->record(request(u"GET"_s, u"https://api.example.org/users/7"_s), response(404, u"Not Found"_s));
    m_history->record(request(u"GET"_s, u"https://status.example.net/ping"_s), response(200, u"OK"_s));

    m_pane = std::make_unique<HistoryPane>();
    m_pane->setStore(m_history.get());
    m_pane->resize(700, 400);
    m_pane->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_pane.get()));
}

void tst_HistoryWidgets::cleanup()
{
    m_pane.reset();
    m_history.reset();
}

HttpResponse tst_HistoryWidgets::response(int status, const QString &reason)
{
    HttpResponse answer;
    answer.statusCode = status;
    answer.reasonPhrase = reason;
    answer.body = "{}";
    answer.elapsedMs = 12;
    return answer;
}

HttpRequest tst_HistoryWidgets::request(const QString &method, const QString &url)
{
    HttpRequest sent;
    sent.method = method;
    sent.url = url;
    return sent;
}

bool tst_HistoryWidgets::answer(QWidget *parent, const char *name, const char *button)
{
    QPointer<QMessageBox> box;
    if (!QTest::qWaitFor([&] { return (box = parent->findChild<QMessageBox *>(QString::fromLatin1(name))); },
                         5000))
        return false;
    auto *target = box->findChild<QAbstractButton *>(QString::fromLatin1(button));
    if (!target) // the Cancel button has no object name of ours
        target = box->button(QMessageBox::Cancel);
    QTest::mouseClick(target, Qt::LeftButton);
    return QTest::qWaitFor([&] { return box.isNull(); }, 5000); // WA_DeleteOnClose
}

QStringList tst_HistoryWidgets::unnamedControls(QWidget *root)
{
    QStringList unnamed;
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *widget : std::as_const(widgets)) {
        if (widget->focusPolicy() == Qt::NoFocus || widget->inherits("QScrollBar")
            || widget->inherits("QComboBoxListView"))
            continue;
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(widget);
        if (!iface || iface->text(QAccessible::Name).trimmed().isEmpty())
            unnamed << (QString::fromLatin1(widget->metaObject()->className()) + u' ' + widget->objectName());
    }
    return unnamed;
}

QNetworkCookie tst_HistoryWidgets::cookie(const char *name, const QString &domain)
{
    QNetworkCookie made(name, "value-" + QByteArray(name));
    made.setDomain(domain);
    made.setPath(u"/"_s);
    return made;
}

void tst_HistoryWidgets::insertCookies(CookieStore *jar,
                                       const QList<std::pair<const char *, QString>> &namesAndDomains)
{
    for (const auto &[name, domain] : namesAndDomains)
        jar->insertCookie(cookie(name, domain));
}

void tst_HistoryWidgets::paneListsNewestFirst()
{
    auto *table = m_pane->findChild<QTableWidget *>(u"historyTable"_s);
    QVERIFY(table);
    QCOMPARE(table->rowCount(), 3);
    QCOMPARE(table->item(0, HistoryPane::UrlColumn)->text(), u"https://status.example.net/ping"_s);
    QCOMPARE(table->item(1, HistoryPane::StatusColumn)->text(), u"404 Not Found"_s);
    QCOMPARE(table->item(2, HistoryPane::MethodColumn)->text(), u"POST"_s);
    QCOMPARE(table->item(2, HistoryPane::TimeColumn)->text(), u"12 ms"_s);
    QVERIFY(!table->item(2, HistoryPane::SizeColumn)->text().isEmpty());
    QVERIFY(!table->item(2, HistoryPane::WhenColumn)->text().isEmpty());
    QCOMPARE(m_pane->findChild<QLabel *>(u"historySummary"_s)->text(), u"3 requests"_s);

    // A new answer shows up at the top at once.
    m_history->record(request(u"DELETE"_s, u"https://api.example.org/users/7"_s), response(204));
    QCOMPARE(table->rowCount(), 4);
    QCOMPARE(table->item(0, HistoryPane::MethodColumn)->text(), u"DELETE"_s);
}

void tst_HistoryWidgets::searchFilters_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QStringList>("methods");
    QTest::addColumn<QString>("summary");

    QTest::newRow("by method") << u"post"_s << QStringList { u"POST"_s } << u"1 of 3 requests"_s;
    QTest::newRow("by status") << u"404"_s << QStringList { u"GET"_s } << u"1 of 3 requests"_s;
    QTest::newRow("by host") << u"api.example"_s << QStringList { u"GET"_s, u"POST"_s }
                             << u"2 of 3 requests"_s;
    QTest::newRow("no match") << u"zzz"_s << QStringList {} << u"No request matches."_s;
}

void tst_HistoryWidgets::searchFilters()
{
    QFETCH(QString, typed);
    QFETCH(QStringList, methods);
    QFETCH(QString, summary);

    auto *search = m_pane->findChild<QLineEdit *>(u"historySearch"_s);
    auto *table = m_pane->findChild<QTableWidget *>(u"historyTable"_s);
    search->setFocus();
    QTest::keyClicks(search, typed);
    QStringList shown;
    for (int row = 0; row < table->rowCount(); ++row)
        shown << table->item(row, HistoryPane::MethodColumn)->text();
    QCOMPARE(shown, methods);
    QCOMPARE(m_pane->findChild<QLabel *>(u"historySummary"_s)->text(), summary);

    search->clear();
    QCOMPARE(table->rowCount(), 3);
}

void tst_HistoryWidgets::enterOpensTheEntry()
{
    QSignalSpy opened(m_pane.get(), &HistoryPane::openRequested);
    auto *table = m_pane->findChild<QTableWidget *>(u"historyTable"_s);
    table->setFocus();
    table->setCurrentCell(2, HistoryPane::UrlColumn);
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(opened.size(), 1);
    const HttpRequest reopened = opened.first().first().value<HttpRequest>();
    QCOMPARE(reopened.method, u"POST"_s);
    QCOMPARE(reopened.url, u"https://api.example.org/users"_s);
    QCOMPARE(reopened.body, R"({"name":"ada"})"_ba);
    QCOMPARE(reopened.headers.size(), 1); // the Authorization header never made it into history
    QCOMPARE(reopened.headers.first().key, u"X-Trace"_s);

    // A double click opens too (once): a press and release, then the second press.
    const QRect cell = table->visualItemRect(table->item(0, HistoryPane::UrlColumn));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(opened.size(), 1);
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(opened.size(), 2);
    QCOMPARE(opened.last().first().value<HttpRequest>().url, u"https://status.example.net/ping"_s);
}

void tst_HistoryWidgets::searchFieldLeadsToTheResults()
{
    QSignalSpy opened(m_pane.get(), &HistoryPane::openRequested);
    auto *search = m_pane->findChild<QLineEdit *>(u"historySearch"_s);
    auto *table = m_pane->findChild<QTableWidget *>(u"historyTable"_s);
    search->setFocus();
    QTest::keyClicks(search, u"404"_s);
    QTest::keyClick(search, Qt::Key_Down);
    QTRY_VERIFY(table->hasFocus());
    QCOMPARE(table->currentRow(), 0);

    table->setFocus();
    m_pane->focusSearch();
    QTRY_VERIFY(search->hasFocus());
    QCOMPARE(search->selectedText(), u"404"_s);
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.first().first().value<HttpRequest>().url, u"https://api.example.org/users/7"_s);
}

void tst_HistoryWidgets::contextActionOpens()
{
    QSignalSpy opened(m_pane.get(), &HistoryPane::openRequested);
    auto *table = m_pane->findChild<QTableWidget *>(u"historyTable"_s);
    auto *action = m_pane->findChild<QAction *>(u"openInNewTabAction"_s);
    QVERIFY(action);
    QVERIFY(table->actions().contains(action));
    table->setCurrentCell(-1, -1);
    QVERIFY(!action->isEnabled());
    table->setCurrentCell(1, 0);
    QVERIFY(action->isEnabled());
    action->trigger();
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.first().first().value<HttpRequest>().url, u"https://api.example.org/users/7"_s);
}

void tst_HistoryWidgets::deleteKeyRemovesEntry()
{
    auto *table = m_pane->findChild<QTableWidget *>(u"historyTable"_s);
    table->setFocus();
    table->setCurrentCell(0, 0);
    QTest::keyClick(table, Qt::Key_Delete);
    QCOMPARE(m_history->count(), 2);
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->item(0, HistoryPane::StatusColumn)->text(), u"404 Not Found"_s);
    QCOMPARE(table->currentRow(), 0);
}

void tst_HistoryWidgets::clearAsksFirst()
{
    auto *clear = m_pane->findChild<QPushButton *>(u"clearHistoryButton"_s);
    QVERIFY(clear->isEnabled());

    QTest::mouseClick(clear, Qt::LeftButton);
    QVERIFY(answer(m_pane.get(), "clearHistoryConfirm", "cancel"));
    QCOMPARE(m_history->count(), 3);

    QTest::mouseClick(clear, Qt::LeftButton);
    auto *box = m_pane->findChild<QMessageBox *>(u"clearHistoryConfirm"_s);
    QVERIFY(box);
    QVERIFY(box->text().contains(u"3 requests"_s));
    QVERIFY(answer(m_pane.get(), "clearHistoryConfirm", "confirmClearHistoryButton"));
    QCOMPARE(m_history->count(), 0);
    QCOMPARE(m_pane->findChild<QTableWidget *>(u"historyTable"_s)->rowCount(), 0);
    QVERIFY(!clear->isEnabled());
    QCOMPARE(m_pane->findChild<QLabel *>(u"historySummary"_s)->text(), u"No requests yet."_s);
}

void tst_HistoryWidgets::paneSurvivesItsStore()
{
    m_history.reset();
    m_pane->setSearchText(u"x"_s); // refreshes against the store that is gone
    QCOMPARE(m_pane->findChild<QTableWidget *>(u"historyTable"_s)->rowCount(), 0);
    m_pane->setStore(nullptr);
    QVERIFY(!m_pane->currentEntry());
}

void tst_HistoryWidgets::cookieManagerFiltersAndDeletes()
{
    CookieStore jar({});
    QVERIFY(jar.load());
    insertCookies(&jar,
                  { { "a", u".example.com"_s }, { "b", u"api.example.com"_s }, { "c", u"example.org"_s } });

    CookieManagerDialog dialog(&jar);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *table = dialog.findChild<QTableWidget *>(u"cookiesTable"_s);
    auto *filter = dialog.findChild<QLineEdit *>(u"cookieDomainFilter"_s);
    auto *remove = dialog.findChild<QPushButton *>(u"deleteCookieButton"_s);
    QVERIFY(table && filter && remove);
    QCOMPARE(table->rowCount(), 3);
    QCOMPARE(table->item(0, CookiesView::ValueColumn)->text(), u"value-a"_s);
    QCOMPARE(table->item(0, CookiesView::ExpiresColumn)->text(), u"Session"_s);
    QVERIFY(remove->isVisible());
    QVERIFY(!remove->isEnabled()); // nothing selected yet

    filter->setFocus();
    QTest::keyClicks(filter, u"example.com"_s);
    QCOMPARE(table->rowCount(), 2);

    table->setFocus();
    table->selectRow(1);
    QVERIFY(remove->isEnabled());
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(jar.cookies().size(), 2);
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, CookiesView::NameColumn)->text(), u"a"_s);

    // The Delete key works on the table too.
    table->setFocus();
    table->selectRow(0);
    QTest::keyClick(table, Qt::Key_Delete);
    QCOMPARE(jar.cookies().size(), 1);
    QCOMPARE(table->rowCount(), 0);

    // Changes made elsewhere show up.
    filter->clear();
    jar.insertCookie(cookie("d", u"example.net"_s));
    QCOMPARE(table->rowCount(), 2);
}

void tst_HistoryWidgets::deleteAllCookiesAsksFirst()
{
    CookieStore jar({});
    QVERIFY(jar.load());
    insertCookies(&jar, { { "a", u"example.com"_s }, { "b", u"example.com"_s }, { "c", u"example.org"_s } });
    CookieManagerDialog dialog(&jar);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *deleteAll = dialog.findChild<QPushButton *>(u"deleteAllCookiesButton"_s);
    dialog.findChild<QLineEdit *>(u"cookieDomainFilter"_s)->setText(u"example.com"_s);

    QTest::mouseClick(deleteAll, Qt::LeftButton);
    QVERIFY(answer(&dialog, "deleteAllCookiesConfirm", "cancel"));
    QCOMPARE(jar.cookies().size(), 3);

    QTest::mouseClick(deleteAll, Qt::LeftButton);
    QVERIFY(dialog.findChild<QMessageBox *>(u"deleteAllCookiesConfirm"_s)->text().contains(u"example.com"_s));
    QVERIFY(answer(&dialog, "deleteAllCookiesConfirm", "confirmDeleteCookiesButton"));
    QCOMPARE(jar.cookies().size(), 1); // only the ones the filter showed
    QCOMPARE(jar.cookies().first().name(), "c"_ba);
    QVERIFY(!deleteAll->isEnabled());
}

void tst_HistoryWidgets::responseCookiesTab()
{
    ResponseViewer viewer;
    viewer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&viewer));
    auto *tabs = viewer.findChild<QTabWidget *>(u"responseTabs"_s);
    QVERIFY(tabs);
    QVERIFY(!viewer.findChild<CookiesView *>()); // made when the tab is first opened
    QVERIFY(Testing::openTab(tabs, u"Cookies"_s));
    auto *view = viewer.findChild<CookiesView *>(u"responseCookies"_s);
    QVERIFY(view);
    QCOMPARE(view->table()->rowCount(), 0);

    HttpResponse answer = response(200, u"OK"_s);
    answer.url = QUrl(u"https://shop.example.com/cart"_s);
    answer.headers = { { "Content-Type", "application/json" },
                       { "Set-Cookie", "cart=42; Path=/; Secure; HttpOnly\nlang=en; Max-Age=3600" } };
    QSignalSpy shown(&viewer, &ResponseViewer::bodyShown);
    viewer.showResponse(answer);
    QVERIFY(shown.size() == 1 || shown.wait(5000));

    QVERIFY(tabs->tabText(Testing::tabIndexOf(tabs, view)).contains(u"(2)"_s));
    QTableWidget *table = view->table();
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->item(0, CookiesView::NameColumn)->text(), u"cart"_s);
    QCOMPARE(table->item(0, CookiesView::ValueColumn)->text(), u"42"_s);
    QCOMPARE(table->item(0, CookiesView::DomainColumn)->text(), u"shop.example.com"_s);
    QCOMPARE(table->item(0, CookiesView::PathColumn)->text(), u"/"_s);
    QCOMPARE(table->item(0, CookiesView::SecureColumn)->text(), u"Yes"_s);
    QCOMPARE(table->item(0, CookiesView::HttpOnlyColumn)->text(), u"Yes"_s);
    QCOMPARE(table->item(1, CookiesView::HttpOnlyColumn)->text(), u"No"_s);
    QVERIFY(table->item(1, CookiesView::ExpiresColumn)->text() != u"Session"_s);
    // Read-only here: what the response set, not the jar.
    QVERIFY(!view->findChild<QPushButton *>(u"deleteCookieButton"_s)->isVisible());
    QVERIFY(!view->findChild<QPushButton *>(u"deleteAllCookiesButton"_s)->isVisible());

    viewer.showResponse(response(204));
    QCOMPARE(table->rowCount(), 0);
    QVERIFY(!tabs->tabText(Testing::tabIndexOf(tabs, view)).contains(u'('));
}

void tst_HistoryWidgets::everyControlHasAnAccessibleName()
{
    CookieStore jar({});
    QVERIFY(jar.load());
    CookieManagerDialog dialog(&jar);
    ResponseViewer viewer;
    QStringList unnamed = unnamedControls(m_pane.get());
    unnamed += unnamedControls(&dialog);
    unnamed += unnamedControls(&viewer);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u", "_s)));

    auto *clear = m_pane->findChild<QPushButton *>(u"clearHistoryButton"_s);
    QTest::mouseClick(clear, Qt::LeftButton);
    auto *box = m_pane->findChild<QMessageBox *>(u"clearHistoryConfirm"_s);
    QVERIFY(box);
    const QStringList unnamedInBox = unnamedControls(box);
    QVERIFY(answer(m_pane.get(), "clearHistoryConfirm", "cancel"));
    QVERIFY2(unnamedInBox.isEmpty(), qPrintable(unnamedInBox.join(u", "_s)));
}

void tst_HistoryWidgets::narrowPaneGivesTheUrlTheRoom()
{
    auto *table = m_pane->findChild<QTableWidget *>(u"historyTable"_s);
    QHeaderView *header = table->horizontalHeader();
    auto visibleWidth = [header] {
        int width = 0;
        for (int column = 0; column < header->count(); ++column)
            width += header->isSectionHidden(column) ? 0 : header->sectionSize(column);
        return width;
    };
    // As wide as the sidebar: the URL takes what method and status leave, nothing scrolls sideways.
    m_pane->resize(300, 400);
    QTRY_VERIFY(table->isColumnHidden(HistoryPane::WhenColumn));
    QVERIFY(table->isColumnHidden(HistoryPane::TimeColumn));
    QVERIFY(table->isColumnHidden(HistoryPane::SizeColumn));
    QTRY_COMPARE(visibleWidth(), table->viewport()->width());
    const int url = header->sectionSize(HistoryPane::UrlColumn);
    QVERIFY2(url >= table->viewport()->width() / 2, qPrintable(QString::number(url)));
    const QString shortUrl = u"https://status.example.net/ping"_s;
    QVERIFY(url > table->fontMetrics().horizontalAdvance(shortUrl));
    QVERIFY(!table->horizontalScrollBar()->isVisible());

    // Widened, the other columns come back.
    m_pane->resize(900, 400);
    QTRY_VERIFY(!table->isColumnHidden(HistoryPane::WhenColumn));
    QVERIFY(!table->isColumnHidden(HistoryPane::TimeColumn));
    QVERIFY(header->sectionSize(HistoryPane::UrlColumn) > url);
}

void tst_HistoryWidgets::rowTooltipHasUrlAndTimes()
{
    auto *table = m_pane->findChild<QTableWidget *>(u"historyTable"_s);
    const HistoryEntry newest = m_pane->shownEntries().first();
    for (int column = 0; column < HistoryPane::ColumnCount; ++column) {
        const QString tip = table->item(0, column)->toolTip();
        QVERIFY2(tip.contains(u"GET https://status.example.net/ping"_s), qPrintable(tip));
        QVERIFY2(tip.contains(u"12 ms"_s), qPrintable(tip));
        QVERIFY2(tip.contains(QLocale().toString(newest.when.toLocalTime(), QLocale::LongFormat)),
                 qPrintable(tip));
    }

    // A request refused before sending shows no time (not "0 ms").
    HttpResponse refused;
    refused.error = HttpResponse::Error::InvalidRequest;
    refused.errorMessage = u"The URL has no scheme."_s;
    m_history->record(request(u"GET"_s, u"example.org/x"_s), refused);
    QTRY_COMPARE(table->rowCount(), 4);
    QCOMPARE(table->item(0, HistoryPane::TimeColumn)->text(), QString());
    QVERIFY(!table->item(0, HistoryPane::MethodColumn)->toolTip().contains(u"0 ms"_s));
    QVERIFY(table->item(0, HistoryPane::MethodColumn)->toolTip().contains(u"no scheme"_s));

    // The summary is read as what it says.
    auto *summary = m_pane->findChild<QLabel *>(u"historySummary"_s);
    QCOMPARE(summary->text(), u"4 requests"_s);
    QCOMPARE(QAccessible::queryAccessibleInterface(summary)->text(QAccessible::Name), summary->text());

    // The search field's clear button is named.
    auto *search = m_pane->findChild<QLineEdit *>(u"historySearch"_s);
    const QList<QAbstractButton *> clear = search->findChildren<QAbstractButton *>();
    QCOMPARE(clear.size(), 1);
    QCOMPARE(QAccessible::queryAccessibleInterface(clear.first())->text(QAccessible::Name),
             u"Clear search"_s);
}

QTEST_MAIN(tst_HistoryWidgets)
#include "tst_historywidgets.moc"
