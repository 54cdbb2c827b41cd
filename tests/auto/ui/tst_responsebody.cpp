#include "bodyview/jsonformatter.h"
#include "shared/posternrun.h"
#include "ui/response/imagepreview.h"
#include "ui/response/responsebody.h"
#include "ui/response/responseviewer.h"
#include "ui/widgets/findbar.h"
#include "ui/widgets/lineview.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QApplication>
#include <QBuffer>
#include <QCheckBox>
#include <QClipboard>
#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

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

QByteArray incidents(int count)
{
    QByteArray page = "{\"result\":[";
    for (int i = 0; i < count; ++i) {
        if (i > 0)
            page += ',';
        page += "{\"number\":\"INC" + QByteArray::number(1000000 + i)
            + "\",\"priority\":" + QByteArray::number(i % 5)
            + ",\"active\":true,\"short_description\":\"Printer " + QByteArray::number(i) + " jammed\"}";
    }
    return page + "]}";
}

QAccessibleInterface *accessible(QObject *object)
{
    return QAccessible::queryAccessibleInterface(object);
}

} // namespace

class tst_ResponseBody : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void visibleLinesThroughTheAccessibilityTree();
    void keyboardMovesTheCurrentLine();
    void selectAndCopyLines();
    void rawShowsTheBytes();
    void findMarksEveryMatchAndSteps();
    void findOptionsAndABadRegex();
    void goToLine();
    void aNewAnswerReplacesOneStillIndexing();
    void invalidJsonLabelledJsonIsShownRaw();
    void charsetFromContentType();
    void wrapLongLines();
    void wrapALineOfMegabytes();
    void hexOfAnyBody();
    void xmlIndentedOrNamedBroken();
    void imagesPreviewed_data();
    void imagesPreviewed();
    void imageTooLargeToDraw();
    void saveResponseToFile();
    void bodyOverTheLimitCanOnlyBeSaved();
    void bodyMappedFromItsFileIsShown();
    void manyMegabytesScrollToTheEnd();

private:
    void show(const HttpResponse &response);
    LineView *body() const { return m_viewer->body(); }

    std::unique_ptr<ResponseViewer> m_viewer;
};

void tst_ResponseBody::init()
{
    m_viewer = std::make_unique<ResponseViewer>();
    m_viewer->resize(900, 600);
    m_viewer->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_viewer.get()));
}

void tst_ResponseBody::cleanup()
{
    m_viewer.reset();
}

void tst_ResponseBody::show(const HttpResponse &response)
{
    QSignalSpy shown(m_viewer.get(), &ResponseViewer::bodyShown);
    m_viewer->showResponse(response);
    QVERIFY(shown.size() == 1 || shown.wait(30000));
}

void tst_ResponseBody::visibleLinesThroughTheAccessibilityTree()
{
    show(answer(incidents(500)));
    QAccessibleInterface *list = accessible(body());
    QVERIFY(list);
    QCOMPARE(list->role(), QAccessible::List);
    QCOMPARE(list->text(QAccessible::Name), u"Response body"_s);
    const int visible = list->childCount();
    QVERIFY(visible > 5);
    QCOMPARE(visible, body()->visibleLineCount());
    QCOMPARE(list->child(0)->text(QAccessible::Name), u"{"_s);
    QCOMPARE(list->child(1)->text(QAccessible::Name), u"  \"result\": ["_s);
    QCOMPARE(list->child(3)->text(QAccessible::Name), u"      \"number\": \"INC1000000\","_s);
    QCOMPARE(list->child(3)->text(QAccessible::Description), u"Line 4"_s);
    QCOMPARE(list->child(3)->role(), QAccessible::ListItem);
    QCOMPARE(list->indexOfChild(list->child(3)), 3);
    QCOMPARE(list->text(QAccessible::Value), u"Lines 1 to %1 of %2"_s.arg(visible).arg(body()->lineCount()));

    // Scrolled, the list holds the lines now on screen.
    body()->verticalScrollBar()->setValue(100);
    QCOMPARE(list->child(0)->text(QAccessible::Description), u"Line 101"_s);
    QCOMPARE(list->child(0)->text(QAccessible::Name), body()->source()->lineText(100));

    // With no lines, the list says why.
    m_viewer->clear();
    QCOMPARE(list->childCount(), 0);
    QVERIFY(list->text(QAccessible::Description).contains(u"Send a request"_s));
}

void tst_ResponseBody::keyboardMovesTheCurrentLine()
{
    show(answer(incidents(500)));
    body()->setFocus();
    QTRY_VERIFY(body()->hasFocus());
    QCOMPARE(body()->currentLine(), 0);
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(body(), Qt::Key_Down);
    QCOMPARE(body()->currentLine(), 3);
    QAccessibleInterface *list = accessible(body());
    QVERIFY(list->focusChild());
    QCOMPARE(list->focusChild()->text(QAccessible::Name), body()->source()->lineText(3));
    QVERIFY(list->focusChild()->state().focused);

    QTest::keyClick(body(), Qt::Key_End, Qt::ControlModifier);
    QCOMPARE(body()->currentLine(), body()->lineCount() - 1);
    QCOMPARE(list->focusChild()->text(QAccessible::Name), u"}"_s); // scrolled into view
    QTest::keyClick(body(), Qt::Key_PageUp);
    QVERIFY(body()->currentLine() < body()->lineCount() - 5);
    QTest::keyClick(body(), Qt::Key_Home, Qt::ControlModifier);
    QCOMPARE(body()->currentLine(), 0);
    QCOMPARE(body()->firstVisibleLine(), 0);
}

void tst_ResponseBody::selectAndCopyLines()
{
    const QByteArray json = incidents(3);
    show(answer(json));
    body()->setFocus();
    QTest::keyClick(body(), Qt::Key_Down);
    QTest::keyClick(body(), Qt::Key_Down, Qt::ShiftModifier);
    QTest::keyClick(body(), Qt::Key_Down, Qt::ShiftModifier);
    QVERIFY(body()->hasSelection());
    QTest::keyClick(body(), Qt::Key_C, Qt::ControlModifier);
    const QStringList pretty = QString::fromUtf8(JsonFormatter().format(json).text).split(u'\n');
    QCOMPARE(QApplication::clipboard()->text(), pretty.mid(1, 3).join(u'\n'));
    QVERIFY(accessible(body())->child(2)->state().selected);

    // The Copy button copies the selection, and the whole body when nothing is selected.
    QTest::keyClick(body(), Qt::Key_Escape);
    QVERIFY(!body()->hasSelection());
    m_viewer->findChild<QPushButton *>(u"copyBodyButton"_s)->click();
    QCOMPARE(QApplication::clipboard()->text(), pretty.join(u'\n'));
}

void tst_ResponseBody::rawShowsTheBytes()
{
    const QByteArray json = "{\"a\":1,\r\n\"b\":[true]}";
    show(answer(json));
    QCOMPARE(body()->lineCount(), 6);
    m_viewer->setPretty(false);
    QCOMPARE(body()->lineCount(), 2);
    QCOMPARE(body()->text(), QString::fromUtf8(json));
    QCOMPARE(accessible(body())->child(0)->text(QAccessible::Name), u"{\"a\":1,"_s);
    m_viewer->setPretty(true);
    QCOMPARE(body()->lineCount(), 6);

    // Bytes with a NUL among them are binary: shown in hex at first, and in Raw as symbols, not dropped.
    show(answer(QByteArray("log\0line\x1b[0m", 12), "text/plain"));
    QCOMPARE(m_viewer->bodyPage()->shownMode(), ResponseBody::Mode::Hex);
    QCOMPARE(body()->source()->lineText(0),
             u"00000000  6c 6f 67 00 6c 69 6e 65  1b 5b 30 6d              |log.line.[0m|"_s);
    m_viewer->setPretty(false);
    QCOMPARE(body()->source()->lineText(0), u"log\u2400line\u241B[0m"_s);
    m_viewer->setPretty(true);
}

void tst_ResponseBody::findMarksEveryMatchAndSteps()
{
    const QByteArray json = incidents(300);
    show(answer(json));
    body()->setFocus();
    QTest::keyClick(body(), Qt::Key_F, Qt::ControlModifier);
    FindBar *find = m_viewer->findBar();
    QVERIFY(find->isVisible());
    QTRY_VERIFY(find->field()->hasFocus());

    QSignalSpy searched(find, &FindBar::searched);
    QTest::keyClicks(find->field(), u"jammed"_s);
    QVERIFY(searched.wait(10000));
    QCOMPARE(find->total(), json.count("jammed"));
    QCOMPARE(find->status(), u"1 of 300"_s);
    auto *count = m_viewer->findChild<QLabel *>(u"findCount"_s);
    QCOMPARE(accessible(count)->text(QAccessible::Name), u"Matches: 1 of 300"_s);
    const qsizetype first = body()->currentLine();
    QVERIFY(body()->source()->lineText(first).contains(u"jammed"_s));

    QTest::keyClick(find->field(), Qt::Key_Return);
    QCOMPARE(find->status(), u"2 of 300"_s);
    QVERIFY(body()->currentLine() > first);
    QVERIFY(body()->source()->lineText(body()->currentLine()).contains(u"Printer 1 jammed"_s));
    QTest::keyClick(find->field(), Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(find->status(), u"1 of 300"_s);
    QTest::keyClick(find->field(), Qt::Key_Return, Qt::ShiftModifier); // wraps around
    QCOMPARE(find->status(), u"300 of 300"_s);
    QCOMPARE(body()->currentLine(), body()->lineCount() - 4);

    // Raw has other lines: the search runs again on them.
    m_viewer->setPretty(false);
    QVERIFY(searched.wait(10000));
    QCOMPARE(find->total(), 300);

    QTest::keyClick(find->field(), Qt::Key_Escape);
    QVERIFY(!find->isVisible());
    QTRY_VERIFY(body()->hasFocus());
}

void tst_ResponseBody::findOptionsAndABadRegex()
{
    show(answer("{\"ID\":\"sys_id\",\"id\":\"Id-9\"}"_ba));
    m_viewer->openFind();
    FindBar *find = m_viewer->findBar();
    QSignalSpy searched(find, &FindBar::searched);
    find->field()->setText(u"id"_s);
    QVERIFY(searched.wait(10000));
    QCOMPARE(find->total(), 4);
    m_viewer->findChild<QCheckBox *>(u"findCase"_s)->setChecked(true);
    QVERIFY(searched.wait(10000));
    QCOMPARE(find->total(), 2);
    m_viewer->findChild<QCheckBox *>(u"findWords"_s)->setChecked(true);
    QVERIFY(searched.wait(10000));
    QCOMPARE(find->total(), 1); // "id", not the one in sys_id
    m_viewer->findChild<QCheckBox *>(u"findCase"_s)->setChecked(false);
    m_viewer->findChild<QCheckBox *>(u"findWords"_s)->setChecked(false);
    m_viewer->findChild<QCheckBox *>(u"findRegex"_s)->setChecked(true);
    QVERIFY(searched.wait(10000));
    find->field()->setText(uR"(id-\d)"_s);
    QVERIFY(searched.wait(10000));
    QCOMPARE(find->total(), 1);
    find->field()->setText(u"(id"_s);
    QTRY_VERIFY(find->status().startsWith(u"Invalid:"_s));
    QCOMPARE(find->total(), 0);
    find->field()->setText(u"nothing like it"_s);
    QVERIFY(searched.wait(10000));
    QCOMPARE(find->status(), u"No matches"_s);
}

void tst_ResponseBody::goToLine()
{
    show(answer(incidents(500)));
    QTimer::singleShot(0, this, [] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialog->setIntValue(1234);
        dialog->accept();
    });
    m_viewer->goToLine();
    QCOMPARE(body()->currentLine(), 1233);
    QVERIFY(body()->firstVisibleLine() <= 1233);
    QVERIFY(body()->firstVisibleLine() + body()->visibleLineCount() > 1233);
}

void tst_ResponseBody::aNewAnswerReplacesOneStillIndexing()
{
    QSignalSpy shown(m_viewer.get(), &ResponseViewer::bodyShown);
    m_viewer->showResponse(answer(incidents(100000)));
    m_viewer->showResponse(answer("[\"the second\"]"));
    QVERIFY(shown.wait(30000));
    QTest::qWait(200); // the first one's worker has had time to finish: it must not show up
    QCOMPARE(shown.size(), 1);
    QCOMPARE(m_viewer->bodyText(), u"[\n  \"the second\"\n]"_s);
}

void tst_ResponseBody::invalidJsonLabelledJsonIsShownRaw()
{
    show(answer("{\"result\":[1,2"));
    auto *message = m_viewer->findChild<QLabel *>(u"responseMessage"_s);
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(u"not valid JSON (Unexpected end of input"_s),
             qPrintable(message->text()));
    QCOMPARE(m_viewer->bodyText(), u"{\"result\":[1,2"_s);
}

void tst_ResponseBody::charsetFromContentType()
{
    show(answer("caf\xe9 cr\xe8me", "text/plain; charset=ISO-8859-1"));
    QCOMPARE(m_viewer->bodyText(), u"café crème"_s);
    show(answer("caf\xe9", "text/plain; charset=x-unheard-of"));
    QVERIFY(m_viewer->findChild<QLabel *>(u"responseMessage"_s)->text().contains(u"x-unheard-of"_s));
}

void tst_ResponseBody::manyMegabytesScrollToTheEnd()
{
    const QByteArray json = incidents(200000); // about 20 MB, minified
    QVERIFY(json.size() > 15 * 1024 * 1024);
    show(answer(json));
    QCOMPARE(body()->lineCount(), 200000 * 6 + 4);
    body()->setFocus();
    QTest::keyClick(body(), Qt::Key_End, Qt::ControlModifier);
    QCOMPARE(accessible(body())->focusChild()->text(QAccessible::Name), u"}"_s);
    QCOMPARE(body()->source()->lineText(body()->lineCount() - 4),
             u"      \"short_description\": \"Printer 199999 jammed\""_s);
    // Raw: one line of twenty megabytes, shown in cuts.
    m_viewer->setPretty(false);
    QVERIFY(body()->lineCount() > 4000);
    QVERIFY(body()->source()->isContinuation(1));
}

void tst_ResponseBody::wrapLongLines()
{
    // 200 lines of 50 words each, about 300 characters: wider than the view.
    QByteArray text;
    for (int line = 0; line < 200; ++line) {
        for (int word = 0; word < 50; ++word)
            text += "w" + QByteArray::number(line) + "x" + QByteArray::number(word) + ' ';
        text += '\n';
    }
    show(answer(text, "text/plain"));
    const int rowHeight = body()->lineHeight();
    QCOMPARE(body()->lineRect(0).height(), rowHeight);
    QVERIFY(body()->horizontalScrollBar()->maximum() > 0);
    const int unwrapped = body()->visibleLineCount();

    auto *wrap = m_viewer->findChild<QAbstractButton *>(u"wrapButton"_s);
    QVERIFY(wrap);
    QCOMPARE(accessible(wrap)->text(QAccessible::Name), u"Wrap long lines"_s);
    wrap->click();
    QVERIFY(body()->wordWrap());
    const QRect first = body()->lineRect(0);
    QVERIFY2(first.height() >= 2 * rowHeight, qPrintable(QString::number(first.height())));
    QCOMPARE(first.height() % rowHeight, 0);
    QCOMPARE(body()->horizontalScrollBar()->maximum(), 0);
    QVERIFY(body()->visibleLineCount() < unwrapped);
    // Screen readers get the lines' places as drawn.
    QAccessibleInterface *item = accessible(body())->child(1);
    QCOMPARE(item->rect().height(), body()->lineRect(1).height());
    QCOMPARE(item->rect().top(), body()->viewport()->mapToGlobal(QPoint(0, first.height())).y());

    // The keyboard keeps the current line in sight, wrapped lines and all.
    body()->setFocus();
    for (int i = 0; i < 40; ++i)
        QTest::keyClick(body(), Qt::Key_Down);
    QCOMPARE(body()->currentLine(), 40);
    const QRect current = body()->lineRect(40);
    QVERIFY(current.isValid());
    QVERIFY(current.bottom() < body()->viewport()->height());
    QCOMPARE(body()->lineAt(current.center().y()), 40);
    QTest::keyClick(body(), Qt::Key_End, Qt::ControlModifier);
    QVERIFY(body()->lineRect(199).isValid());
    QCOMPARE(body()->verticalScrollBar()->value(), body()->verticalScrollBar()->maximum());

    wrap->click();
    QCOMPARE(body()->lineRect(199).height(), rowHeight);
}

void tst_ResponseBody::wrapALineOfMegabytes()
{
    // A JSON string of 5 MB is one pretty line: wrapped, only its start is laid out.
    show(answer("{\"blob\":\"" + QByteArray(5 * 1024 * 1024, 'A') + "\",\"next\":1}"));
    m_viewer->findChild<QAbstractButton *>(u"wrapButton"_s)->click();
    QVERIFY(body()->wordWrap());
    const int height = body()->lineRect(1).height();
    QVERIFY2(height > 10 * body()->lineHeight(), qPrintable(QString::number(height)));
    QVERIFY2(height < 1000 * body()->lineHeight(), qPrintable(QString::number(height)));
    body()->setFocus();
    QTest::keyClick(body(), Qt::Key_End, Qt::ControlModifier);
    QCOMPARE(body()->currentLine(), 3);
    m_viewer->findChild<QAbstractButton *>(u"wrapButton"_s)->click();
}

void tst_ResponseBody::hexOfAnyBody()
{
    show(answer("{\"a\":[1,2]}"));
    auto *hex = m_viewer->findChild<QAbstractButton *>(u"hexButton"_s);
    QVERIFY(hex->isEnabled());
    QCOMPARE(accessible(hex)->text(QAccessible::Name), u"Body in hex"_s);
    hex->click();
    QCOMPARE(body()->lineCount(), 2);
    QCOMPARE(body()->source()->lineText(0),
             u"00000000  7b 22 61 22 3a 5b 31 2c  32 5d 7d                 |{\"a\":[1,2]}|"_s);
    QCOMPARE(body()->source()->lineText(1), u"0000000b"_s);
    // Find works on the hex lines too.
    FindBar *find = m_viewer->findBar();
    QSignalSpy searched(find, &FindBar::searched);
    m_viewer->openFind();
    find->field()->setText(u"5b 31"_s);
    find->next();
    QVERIFY(searched.size() > 0 || searched.wait(5000));
    QCOMPARE(find->total(), 1);
    // The choice stays for the next answer.
    show(answer("[]"));
    QCOMPARE(m_viewer->bodyPage()->shownMode(), ResponseBody::Mode::Hex);
    m_viewer->setPretty(true);
}

void tst_ResponseBody::xmlIndentedOrNamedBroken()
{
    show(answer("<?xml version=\"1.0\"?><response><result><number>INC0010001</number></result></response>",
                "application/xml"));
    QCOMPARE(m_viewer->bodyPage()->kind(), BodyKind::Xml);
    QCOMPARE(m_viewer->bodyText(),
             u"<?xml version=\"1.0\"?>\n<response>\n  <result>\n    <number>INC0010001</number>\n  "
             "</result>\n</response>"_s);
    QVERIFY(!m_viewer->findChild<QAbstractButton *>(u"treeButton"_s)->isEnabled());

    show(answer("<response><result></response>", "text/xml"));
    QCOMPARE(m_viewer->bodyText(), u"<response><result></response>"_s);
    auto *message = m_viewer->findChild<QLabel *>(u"responseMessage"_s);
    QVERIFY2(message->text().startsWith(
                 u"The body is labelled text/xml but is not valid XML (End tag </response>"_s),
             qPrintable(message->text()));
}

void tst_ResponseBody::imagesPreviewed_data()
{
    QTest::addColumn<QByteArray>("format");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QString>("size");
    QTest::newRow("PNG") << "png"_ba
                         << "image/png"_ba << u"40 \u00d7 30"_s;
    QTest::newRow("JPEG") << "jpeg"_ba
                          << "image/jpeg"_ba << u"40 \u00d7 30"_s;
    QTest::newRow("GIF, labelled as bytes") << "gif"_ba
                                            << "application/octet-stream"_ba << u"1 \u00d7 1"_s;
    QTest::newRow("SVG") << "svg"_ba
                         << "image/svg+xml"_ba << u"40 \u00d7 30"_s;
}

void tst_ResponseBody::imagesPreviewed()
{
    QFETCH(QByteArray, format);
    QFETCH(QByteArray, contentType);
    QFETCH(QString, size);
    if (!QImageReader::supportedImageFormats().contains(format))
        QSKIP(qPrintable(
            u"Qt has no %1 image plugin here (Debian's libqt6svg6 and qt6-image-formats-plugins have "
            "them)"_s.arg(QString::fromLatin1(format))));
    QByteArray bytes;
    if (format == "svg") {
        bytes = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"30\">"
                "<rect width=\"40\" height=\"30\" fill=\"red\"/></svg>";
    } else if (format == "gif") { // Qt reads GIF but does not write it: the smallest GIF there is
        bytes = QByteArray(
            "GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,"
            "\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02\x44\x01\x00;",
            43);
    } else {
        QImage image(40, 30, QImage::Format_RGB32);
        image.fill(Qt::red);
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(image.save(&buffer, format.constData()));
    }
    show(answer(bytes, contentType));
    ResponseBody *page = m_viewer->bodyPage();
    QCOMPARE(page->kind(), BodyKind::Image);
    QCOMPARE(page->shownMode(), ResponseBody::Mode::Preview);
    QVERIFY(page->imagePreview()->isVisible());
    const QString caption = page->imagePreview()->description();
    QVERIFY2(caption.startsWith(QString::fromLatin1(format.toUpper()) + u", "_s + size + u" pixels"_s),
             qPrintable(caption));
    auto *label = page->imagePreview()->findChild<QLabel *>(u"imageCaption"_s);
    QCOMPARE(accessible(label)->text(QAccessible::Name), caption);
    // Pretty is not for pictures; Hex is.
    QVERIFY(!m_viewer->findChild<QAbstractButton *>(u"prettyButton"_s)->isEnabled());
    QVERIFY(m_viewer->findChild<QAbstractButton *>(u"hexButton"_s)->isEnabled());
}

void tst_ResponseBody::imageTooLargeToDraw()
{
    // A PNG of a few bytes whose header says 100,000 pixels square (ten billion pixels): not decoded.
    const auto chunk = [](const QByteArray &type, const QByteArray &data) {
        QByteArray bytes = type + data;
        quint32 crc = 0xffffffffu; // PNG's CRC-32 (ISO 3309), bit by bit
        for (const char c : std::as_const(bytes)) {
            crc ^= quint8(c);
            for (int bit = 0; bit < 8; ++bit)
                crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
        }
        crc ^= 0xffffffffu;
        QByteArray out;
        QDataStream(&out, QIODevice::WriteOnly) << quint32(data.size());
        out += bytes;
        QByteArray tail;
        QDataStream(&tail, QIODevice::WriteOnly) << crc;
        out += tail;
        return out;
    };
    QByteArray header;
    QDataStream(&header, QIODevice::WriteOnly) << quint32(100000) << quint32(100000) << quint8(8) << quint8(2)
                                               << quint8(0) << quint8(0) << quint8(0);
    const QByteArray png = QByteArray("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", header)
        + chunk("IDAT", QByteArray("\x78\x9c\x03\x00\x00\x00\x00\x01", 8)) + chunk("IEND", QByteArray());
    show(answer(png, "image/png"));
    ResponseBody *page = m_viewer->bodyPage();
    QCOMPARE(page->shownMode(), ResponseBody::Mode::Preview);
    QVERIFY2(page->imagePreview()->description().startsWith(u"The image is 100000 \u00d7 100000 pixels"_s),
             qPrintable(page->imagePreview()->description()));
}

void tst_ResponseBody::saveResponseToFile()
{
    QTemporaryDir dir;
    const QByteArray json = incidents(50);
    show(answer(json));
    auto *save = m_viewer->findChild<QAbstractButton *>(u"saveBodyButton"_s);
    QVERIFY(save->isEnabled());
    QCOMPARE(accessible(save)->text(QAccessible::Name), u"Save response to file"_s);
    ResponseBody *page = m_viewer->bodyPage();
    QSignalSpy saved(page, &ResponseBody::saved);
    QSignalSpy said(m_viewer.get(), &ResponseViewer::message);
    const QString path = dir.filePath(u"incidents.json"_s);
    page->saveTo(path);
    QVERIFY(saved.wait(10000));
    QCOMPARE(saved.first().at(1).toString(), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll() == json); // as sent, not as shown
    QCOMPARE(said.last().first().toString(),
             u"Saved the response to %1."_s.arg(QDir::toNativeSeparators(path)));

    // Somewhere it cannot go: said, nothing written.
    page->saveTo(dir.filePath(u"missing/folder/x.json"_s));
    QVERIFY(saved.wait(10000));
    QVERIFY(saved.last().at(1).toString().startsWith(u"Could not save the response"_s));
    QVERIFY(said.last().first().toString().startsWith(u"Could not save the response"_s));
}

void tst_ResponseBody::bodyOverTheLimitCanOnlyBeSaved()
{
    QTemporaryDir dir;
    const QByteArray big = incidents(2000);
    const QString spool = dir.filePath(u"spooled"_s);
    QVERIFY(PosternRun::writeFile(spool, big));
    HttpResponse response = answer(QByteArray());
    response.bodyFile = std::make_shared<const SpooledBody>(spool, big.size());
    show(response);
    auto *message = m_viewer->findChild<QLabel *>(u"responseMessage"_s);
    QVERIFY2(message->text().contains(u"more than Postern shows"_s), qPrintable(message->text()));
    QCOMPARE(body()->lineCount(), 0);
    QVERIFY(accessible(body())->text(QAccessible::Description).contains(u"Save\u2026 writes all of it"_s));
    QVERIFY(!m_viewer->findChild<QAbstractButton *>(u"treeButton"_s)->isEnabled());
    QVERIFY(!m_viewer->findChild<QAbstractButton *>(u"hexButton"_s)->isEnabled());
    auto *save = m_viewer->findChild<QAbstractButton *>(u"saveBodyButton"_s);
    QVERIFY(save->isEnabled());
    QSignalSpy saved(m_viewer->bodyPage(), &ResponseBody::saved);
    const QString path = dir.filePath(u"all.json"_s);
    m_viewer->bodyPage()->saveTo(path);
    QVERIFY(saved.wait(10000));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll() == big);
    response = HttpResponse();
    m_viewer->clear(); // the last holder of the temporary file lets go of it
    QVERIFY(!QFile::exists(spool));
}

void tst_ResponseBody::bodyMappedFromItsFileIsShown()
{
    // A body over the spool threshold is read from its file: shown, searched, in a tree and in hex, also
    // once the answer it came with has gone everywhere but in the viewer; the file goes with the viewer's
    // last part that reads it.
    QTemporaryDir dir;
    const QByteArray json = incidents(3000);
    const QString spool = dir.filePath(u"spooled"_s);
    QVERIFY(PosternRun::writeFile(spool, json));
    {
        HttpResponse response = answer(QByteArray());
        response.bodyFile
            = std::make_shared<const SpooledBody>(spool, json.size(), SpooledBody::Access::Mapped);
        response.body = response.bodyFile->bytes();
        QCOMPARE(response.body.size(), json.size());
        show(response);
    }
    QCOMPARE(body()->lineCount(), 3000 * 6 + 4);
    QCOMPARE(body()->source()->lineText(3), u"      \"number\": \"INC1000000\","_s);
    m_viewer->openFind();
    FindBar *find = m_viewer->findBar();
    QSignalSpy searched(find, &FindBar::searched);
    find->field()->setText(u"INC1002999"_s);
    QVERIFY(searched.wait(10000));
    QCOMPARE(find->total(), 1);
    auto *tree = m_viewer->findChild<QAbstractButton *>(u"treeButton"_s);
    QVERIFY(tree->isEnabled());
    tree->click();
    auto *hex = m_viewer->findChild<QAbstractButton *>(u"hexButton"_s);
    hex->click();
    QCOMPARE(body()->source()->lineText(0).left(58),
             u"00000000  7b 22 72 65 73 75 6c 74  22 3a 5b 7b 22 6e 75 6d"_s);
    QVERIFY(QFile::exists(spool));
    m_viewer->clear();
    QVERIFY(!QFile::exists(spool));
    m_viewer->setPretty(true);
}

QTEST_MAIN(tst_ResponseBody)
#include "tst_responsebody.moc"
