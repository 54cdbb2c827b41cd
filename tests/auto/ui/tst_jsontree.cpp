#include "ui/response/jsonfilterbar.h"
#include "ui/response/jsontreemodel.h"
#include "ui/response/jsontreeview.h"
#include "ui/response/responsebody.h"
#include "ui/response/responseviewer.h"
#include "ui/widgets/lineview.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QAccessible>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace Postern;

namespace {

HttpResponse answer(const QByteArray &body, const QByteArray &contentType = "application/json")
{
    HttpResponse response;
    response.statusCode = 200;
    response.reasonPhrase = u"OK"_s;
    response.headers = { { "Content-Type", contentType } };
    response.body = body;
    return response;
}

// A ServiceNow page: {"result":[{number, priority, active, caller_id{link,value}, tags[]}...]}
QByteArray incidents(int count)
{
    QByteArray page = "{\"result\":[";
    for (int i = 0; i < count; ++i) {
        if (i > 0)
            page += ',';
        page += "{\"number\":\"INC" + QByteArray::number(1000000 + i) + "\",\"priority\":"
            + QByteArray::number(i % 5) + ",\"active\":true,\"caller_id\":{\"link\":\"https://x/u/"
            + QByteArray::number(i) + "\",\"value\":\"u" + QByteArray::number(i) + "\"},\"tags\":[]}";
    }
    return page + "],\"odd key\":{\"caf\\u00e9\":null}}";
}

// Every row below parent, depth first, as "path = value".
void walk(const QAbstractItemModel &model, const QModelIndex &parent, QStringList *out)
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex key = model.index(row, JsonTreeModel::KeyColumn, parent);
        const QModelIndex value = model.index(row, JsonTreeModel::ValueColumn, parent);
        out->append(key.data(JsonTreeModel::PathRole).toString() + u" = "_s + value.data().toString());
        walk(model, key, out);
    }
}

QString cellNamed(QAccessibleInterface *tree, const QString &name)
{
    for (int i = 0; i < tree->childCount(); ++i) {
        if (tree->child(i)->text(QAccessible::Name) == name)
            return name;
    }
    return {};
}

} // namespace

class tst_JsonTree : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void modelIsConsistent();
    void rowsAreJqsPaths();
    void treeButtonOnlyForJson();
    void keyboardOpensAndCopies();
    void rowsThroughTheAccessibilityTree();
    void expandAllStopsAtTheRowLimit();
    void expandAndCollapseAllOfASmallBody();
    void jsonPathFilter();
    void expandAllOfADeepBody();

private:
    void show(const QByteArray &body, const QByteArray &contentType = "application/json");
    ResponseBody *page() const { return m_viewer->bodyPage(); }
    QTreeView *tree() const { return page()->tree()->tree(); }

    std::unique_ptr<ResponseViewer> m_viewer;
};

void tst_JsonTree::init()
{
    m_viewer = std::make_unique<ResponseViewer>();
    m_viewer->resize(900, 600);
    m_viewer->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_viewer.get()));
}

void tst_JsonTree::cleanup()
{
    m_viewer.reset();
}

void tst_JsonTree::show(const QByteArray &body, const QByteArray &contentType)
{
    QSignalSpy shown(m_viewer.get(), &ResponseViewer::bodyShown);
    m_viewer->showResponse(answer(body, contentType));
    QVERIFY(shown.size() == 1 || shown.wait(30000));
}

void tst_JsonTree::modelIsConsistent()
{
    // Qt's own checker walks the model and fails on any inconsistency between index(), parent() and
    // rowCount(), here while the rows are looked up lazily.
    JsonTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setIndex(std::make_shared<const JsonIndex>(incidents(20)));
    QStringList rows;
    walk(model, {}, &rows);
    QVERIFY(!rows.isEmpty());
    model.setIndex(std::make_shared<const JsonIndex>("[[],{},[[1]],\"x\"]"_ba));
    rows.clear();
    walk(model, {}, &rows);
    QCOMPARE(rows,
             QStringList({ u"$[0] = [ 0 items ]"_s, u"$[1] = { 0 keys }"_s, u"$[2] = [ 1 item ]"_s,
                           u"$[2][0] = [ 1 item ]"_s, u"$[2][0][0] = 1"_s, u"$[3] = \"x\""_s }));
    model.setIndex(nullptr);
    QCOMPARE(model.rowCount(), 0);
    model.setIndex(std::make_shared<const JsonIndex>("{\"broken\":"_ba));
    QCOMPARE(model.rowCount(), 0);
}

void tst_JsonTree::rowsAreJqsPaths()
{
    // jq lists every path of the document; the tree has one row for each, in the same order.
    const QString jq = QStandardPaths::findExecutable(u"jq"_s);
    if (jq.isEmpty())
        QSKIP("jq is not installed (packaging/debian-packages.txt lists it): no oracle to compare with");
    const QByteArray json = incidents(30);
    QProcess process;
    process.start(
        jq,
        { u"-r"_s,
          u"paths | map(if type == \"number\" then \"[\\(.)]\" else \".\" + . end) | \"$\" + join(\"\")"_s });
    process.write(json);
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    QStringList expected
        = QString::fromUtf8(process.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);

    JsonTreeModel model;
    model.setIndex(std::make_shared<const JsonIndex>(json));
    QStringList rows;
    walk(model, {}, &rows);
    QStringList paths;
    for (const QString &row : std::as_const(rows))
        paths << row.section(u" = "_s, 0, 0);
    // Names that are not plain are quoted in a path: jq's join above does not know that.
    expected.replaceInStrings(u"$.odd key.caf\u00e9"_s, u"$['odd key'].caf\u00e9"_s);
    expected.replaceInStrings(u"$.odd key"_s, u"$['odd key']"_s);
    expected.replaceInStrings(u"$['odd key'].caf\u00e9"_s, u"$['odd key']['caf\u00e9']"_s);
    QCOMPARE(paths, expected);
    QCOMPARE(rows.at(0), u"$.result = [ 30 items ]"_s);
    QCOMPARE(rows.at(1), u"$.result[0] = { 5 keys }"_s);
    QCOMPARE(rows.at(2), u"$.result[0].number = \"INC1000000\""_s);
}

void tst_JsonTree::treeButtonOnlyForJson()
{
    auto *treeButton = m_viewer->findChild<QAbstractButton *>(u"treeButton"_s);
    QVERIFY(treeButton);
    show("plain words", "text/plain");
    QVERIFY(!treeButton->isEnabled());
    show(incidents(2));
    QVERIFY(treeButton->isEnabled());
    // The tree is made when first shown: most answers are never seen as one.
    QVERIFY(!m_viewer->findChild<JsonTreeView *>());
    QTest::mouseClick(treeButton, Qt::LeftButton);
    QCOMPARE(page()->mode(), ResponseBody::Mode::Tree);
    QCOMPARE(m_viewer->findChildren<JsonTreeView *>().size(), 1);
    QVERIFY(tree()->isVisible());
    QCOMPARE(tree()->model()->rowCount(), 2);
    // The next answer is shown in the same mode; one that is not JSON falls back to its lines.
    show(incidents(3));
    QVERIFY(tree()->isVisible());
    QCOMPARE(tree()->model()->index(0, 1).data().toString(), u"[ 3 items ]"_s);
    show("plain words", "text/plain");
    QVERIFY(!tree()->isVisible());
    QVERIFY(m_viewer->body()->isVisible());
    QCOMPARE(m_viewer->bodyText(), u"plain words"_s);
}

void tst_JsonTree::keyboardOpensAndCopies()
{
    show(incidents(3));
    page()->setMode(ResponseBody::Mode::Tree);
    tree()->setFocus();
    QTRY_VERIFY(tree()->hasFocus());
    QCOMPARE(tree()->currentIndex().data().toString(), u"result"_s);
    QTest::keyClick(tree(), Qt::Key_Right); // open result
    QTest::keyClick(tree(), Qt::Key_Down); // 0
    QTest::keyClick(tree(), Qt::Key_Right); // open it
    QTest::keyClick(tree(), Qt::Key_Down); // number
    QCOMPARE(tree()->currentIndex().data().toString(), u"number"_s);
    QTest::keyClick(tree(), Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QApplication::clipboard()->text(), u"INC1000000"_s); // a string's text, without quotes
    QTest::keyClick(tree(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(QApplication::clipboard()->text(), u"$.result[0].number"_s);

    // A container is copied as pretty JSON, its keys in the server's order.
    QTest::keyClick(tree(), Qt::Key_Up);
    QTest::keyClick(tree(), Qt::Key_C, Qt::ControlModifier);
    QVERIFY(QApplication::clipboard()->text().startsWith(
        u"{\n  \"number\": \"INC1000000\",\n  \"priority\": 0,"_s));
}

void tst_JsonTree::rowsThroughTheAccessibilityTree()
{
    show(incidents(3));
    page()->setMode(ResponseBody::Mode::Tree);
    QAccessibleInterface *view = QAccessible::queryAccessibleInterface(tree());
    QVERIFY(view);
    QCOMPARE(view->role(), QAccessible::Tree);
    QCOMPARE(view->text(QAccessible::Name), u"Response body as a tree"_s);
    QCOMPARE(cellNamed(view, u"result"_s), u"result"_s);
    QCOMPARE(cellNamed(view, u"[ 3 items ]"_s), u"[ 3 items ]"_s);
    QVERIFY(cellNamed(view, u"number"_s).isEmpty()); // not open yet
    tree()->expandRecursively(tree()->model()->index(0, 0), 1);
    QTRY_COMPARE(cellNamed(view, u"number"_s), u"number"_s); // once the view has laid the rows out
    QCOMPARE(cellNamed(view, u"\"INC1000000\""_s), u"\"INC1000000\""_s);
}

void tst_JsonTree::expandAllStopsAtTheRowLimit()
{
    // 30,000 records of 5 keys with 2 more inside, and one small member: the whole tree has 240,003
    // rows, more than Expand All opens; two levels (180,003 rows) do not fit either, one does.
    show(incidents(30000));
    page()->setMode(ResponseBody::Mode::Tree);
    JsonTreeModel *model = page()->tree()->model();
    QCOMPARE(model->maximumDepth(), 3);
    QCOMPARE(model->rowsUpToDepth(0), 30003);
    QCOMPARE(model->rowsUpToDepth(1), 180003);
    QSignalSpy said(page(), &ResponseBody::message);
    m_viewer->findChild<QAbstractButton *>(u"expandAllButton"_s)->click();
    QCOMPARE(said.size(), 1);
    QCOMPARE(said.at(0).at(0).toString(),
             u"Expanded 1 of 3 levels (30,003 rows); open deeper rows one by one."_s);
    const QModelIndex result = model->index(0, 0);
    QVERIFY(tree()->isExpanded(result));
    QVERIFY(!tree()->isExpanded(model->index(0, 0, result)));
}

void tst_JsonTree::expandAndCollapseAllOfASmallBody()
{
    show(incidents(4));
    page()->setMode(ResponseBody::Mode::Tree);
    JsonTreeModel *model = page()->tree()->model();
    m_viewer->findChild<QAbstractButton *>(u"expandAllButton"_s)->click();
    const QModelIndex record = model->index(3, 0, model->index(0, 0));
    const QModelIndex caller = model->index(3, 0, record);
    QCOMPARE(caller.data().toString(), u"caller_id"_s);
    QVERIFY(tree()->isExpanded(caller));
    m_viewer->findChild<QAbstractButton *>(u"collapseAllButton"_s)->click();
    QVERIFY(!tree()->isExpanded(model->index(0, 0)));
}

void tst_JsonTree::jsonPathFilter()
{
    show(incidents(5));
    JsonFilterBar *filter = page()->filterBar();
    QVERIFY(filter->isVisible());
    QLineEdit *field = filter->field();
    QCOMPARE(field->accessibleName(), u"Filter with JSONPath"_s);
    QSignalSpy filtered(filter, &JsonFilterBar::filtered);
    field->setFocus();
    QTest::keyClicks(field, u"$.result[*].number"_s);
    QTest::keyClick(field, Qt::Key_Return);
    QVERIFY(filtered.wait(10000));
    QCOMPARE(filter->status(), u"5 matches"_s);
    QCOMPARE(field->accessibleDescription(), u"5 matches"_s);
    QCOMPARE(m_viewer->bodyText(),
             u"[\n  \"INC1000000\",\n  \"INC1000001\",\n  \"INC1000002\",\n  \"INC1000003\",\n  "
             "\"INC1000004\"\n]"_s);

    // The tree shows the matches too; Raw shows the body as it came.
    page()->setMode(ResponseBody::Mode::Tree);
    QCOMPARE(tree()->model()->rowCount(), 5);
    QCOMPARE(tree()->model()->index(4, 1).data().toString(), u"\"INC1000004\""_s);
    page()->setMode(ResponseBody::Mode::Raw);
    QVERIFY(!filter->isVisible());
    QVERIFY(m_viewer->bodyText().startsWith(u"{\"result\":[{"_s));
    page()->setMode(ResponseBody::Mode::Pretty);

    // A filter on the records' values; it stays for the next answer.
    field->setText(u"$.result[?@.priority >= 3].caller_id.value"_s);
    filter->apply();
    QVERIFY(filtered.wait(10000));
    QCOMPARE(m_viewer->bodyText(), u"[\n  \"u3\",\n  \"u4\"\n]"_s);
    show(incidents(20));
    QTRY_COMPARE(filter->status(), u"8 matches"_s);

    // A filter's matches have no path into the body.
    page()->setMode(ResponseBody::Mode::Tree);
    QApplication::clipboard()->setText(u"before"_s);
    QSignalSpy said(page(), &ResponseBody::message);
    tree()->setFocus();
    tree()->setCurrentIndex(tree()->model()->index(0, 0));
    QTest::keyClick(tree(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(QApplication::clipboard()->text(), u"before"_s);
    QCOMPARE(said.last().first().toString(),
             u"No path to copy: the tree shows a filter's matches, not the body."_s);
    QVERIFY(tree()->model()->index(0, 0).data(Qt::ToolTipRole).isNull());
    page()->setMode(ResponseBody::Mode::Pretty);

    // Not JSONPath: said, and the whole body is back.
    field->setText(u"$.result["_s);
    filter->apply();
    QVERIFY(filter->status().startsWith(u"Invalid: "_s));
    QVERIFY(m_viewer->bodyText().startsWith(u"{\n  \"result\": ["_s));
    // Escape clears it.
    field->setText(u"$.result[0].number"_s);
    filter->apply();
    QTRY_COMPARE(filter->status(), u"1 match"_s);
    QTest::keyClick(field, Qt::Key_Escape);
    QVERIFY(field->text().isEmpty());
    QCOMPARE(filter->status(), QString());
    QVERIFY(m_viewer->bodyText().startsWith(u"{\n  \"result\": ["_s));
}

void tst_JsonTree::expandAllOfADeepBody()
{
    // 100,000 arrays one in another: Expand All opens level by level, up to its depth limit, without
    // walking the levels recursively (a stack overflow before).
    const int depth = 100000;
    show(QByteArray(depth, '[') + "7" + QByteArray(depth, ']'));
    page()->setMode(ResponseBody::Mode::Tree);
    QSignalSpy said(page(), &ResponseBody::message);
    m_viewer->findChild<QAbstractButton *>(u"expandAllButton"_s)->click();
    QCOMPARE(said.size(), 1);
    QCOMPARE(said.first().first().toString(),
             u"Expanded 256 of 99,999 levels (257 rows); open deeper rows one by one."_s);
    QModelIndex index = tree()->model()->index(0, 0);
    for (int level = 0; level < JsonTreeView::MaxExpandedDepth; ++level) {
        QVERIFY(tree()->isExpanded(index));
        index = tree()->model()->index(0, 0, index);
    }
    QVERIFY(!tree()->isExpanded(index));
}

QTEST_MAIN(tst_JsonTree)
#include "tst_jsontree.moc"
