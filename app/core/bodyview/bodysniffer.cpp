#include "bodyview/bodysniffer.h"

#include "bodyview/bodytext.h"
#include "bodyview/htmltokenizer.h"

#include <QStringDecoder>

#include <array>
#include <cctype>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

QByteArrayView skipSpace(QByteArrayView text)
{
    qsizetype i = 0;
    while (i < text.size() && isHtmlSpace(text[i]))
        ++i;
    return text.sliced(i);
}

bool startsWithNoCase(QByteArrayView text, QByteArrayView prefix)
{
    return text.size() >= prefix.size() && qstrnicmp(text.data(), prefix.data(), prefix.size()) == 0;
}

// "<name" followed by something that ends a tag name.
bool startsWithTag(QByteArrayView text, QByteArrayView tag)
{
    if (!startsWithNoCase(text, tag))
        return false;
    if (text.size() == tag.size())
        return true;
    const char next = text[tag.size()];
    return isHtmlSpace(next) || next == '>' || next == '/';
}

// Past the markup that may come before a root element: whitespace, the XML declaration, comments,
// processing instructions and a doctype that is not HTML's. Stops at anything else.
QByteArrayView skipProlog(QByteArrayView text)
{
    while (true) {
        text = skipSpace(text);
        QByteArrayView terminator;
        if (text.startsWith("<?"))
            terminator = "?>";
        else if (text.startsWith("<!--"))
            terminator = "-->";
        else if (startsWithNoCase(text, "<!doctype") && !startsWithNoCase(text, "<!doctype html"))
            terminator = ">";
        const qsizetype end = terminator.isEmpty() ? -1 : text.indexOf(terminator);
        if (end < 0)
            return text;
        text = text.sliced(end + terminator.size());
    }
}

bool looksLikeHtmlStart(QByteArrayView text)
{
    if (startsWithNoCase(text, "<!doctype html"))
        return true;
    for (const char *tag :
         { "<html", "<head", "<body", "<div", "<p", "<table", "<title", "<meta", "<h1", "<br" }) {
        if (startsWithTag(text, QByteArrayView(tag)))
            return true;
    }
    return false;
}

// Json's opening: '{' then a key or '}', '[' then a value or ']' (so that "[INFO] ..." is text).
bool looksLikeJsonStart(QByteArrayView text)
{
    if (text.isEmpty() || (text[0] != '{' && text[0] != '['))
        return false;
    const QByteArrayView rest = skipSpace(text.sliced(1));
    if (rest.isEmpty())
        return true; // cut short; still the likeliest reading
    const char c = rest[0];
    if (text[0] == '{')
        return c == '"' || c == '}';
    return c == ']' || c == '{' || c == '[' || c == '"' || c == '-' || (c >= '0' && c <= '9') || c == 't'
        || c == 'f' || c == 'n';
}

QByteArray magicImageFormat(QByteArrayView head)
{
    if (head.startsWith("\x89PNG\r\n\x1a\n"))
        return "png"_ba;
    if (head.startsWith("\xff\xd8\xff"))
        return "jpeg"_ba;
    if (head.startsWith("GIF87a") || head.startsWith("GIF89a"))
        return "gif"_ba;
    if (head.size() >= 12 && head.startsWith("RIFF") && head.sliced(8, 4) == "WEBP")
        return "webp"_ba;
    // BMP: "BM", the file size, then four reserved bytes that are zero.
    if (head.size() >= 26 && head.startsWith("BM") && head.sliced(6, 4) == QByteArrayView("\0\0\0\0", 4))
        return "bmp"_ba;
    // ICO: a reserved zero, type 1, then at least one image.
    if (head.size() >= 22 && head.startsWith(QByteArrayView("\0\0\1\0", 4)) && (head[4] || head[5]))
        return "ico"_ba;
    return QByteArray();
}

// The kind a text says it is by its first markup or bracket.
BodyKind textKind(QByteArrayView text)
{
    if (text.startsWith("\xef\xbb\xbf"))
        text = text.sliced(3);
    text = skipSpace(text);
    if (looksLikeJsonStart(text))
        return BodyKind::Json;
    if (!text.startsWith('<'))
        return BodyKind::Text;
    const bool declared = text.startsWith("<?xml");
    const QByteArrayView root = skipProlog(text);
    if (startsWithTag(root, "<svg"))
        return BodyKind::Image;
    if (looksLikeHtmlStart(root))
        return BodyKind::Html;
    if (declared || (root.size() >= 2 && (std::isalpha(uchar(root[1])) || root[1] == '_')))
        return BodyKind::Xml;
    return BodyKind::Text;
}

// The head of a UTF-16 text (it starts with a byte order mark) as UTF-8, for textKind().
QByteArray utf16HeadAsUtf8(QByteArrayView head)
{
    QStringDecoder decoder(QStringDecoder::Utf16);
    const QString text = decoder(head);
    return text.toUtf8();
}

bool isBinaryType(const QByteArray &type)
{
    static const std::array<const char *, 24> types = { "application/pdf",
                                                        "application/zip",
                                                        "application/gzip",
                                                        "application/x-gzip",
                                                        "application/x-tar",
                                                        "application/x-7z-compressed",
                                                        "application/x-bzip2",
                                                        "application/x-xz",
                                                        "application/zstd",
                                                        "application/wasm",
                                                        "application/x-protobuf",
                                                        "application/protobuf",
                                                        "application/vnd.google.protobuf",
                                                        "application/cbor",
                                                        "application/msgpack",
                                                        "application/x-msgpack",
                                                        "application/msword",
                                                        "application/java-archive",
                                                        "application/x-msdownload",
                                                        "application/vnd.apache.avro+binary",
                                                        "application/x-sqlite3",
                                                        "application/x-shockwave-flash",
                                                        "application/vnd.rar",
                                                        "application/x-rar-compressed" };
    for (const char *binary : types) {
        if (type == binary)
            return true;
    }
    for (const char *prefix : { "audio/", "video/", "font/", "application/grpc", "application/vnd.ms-",
                                "application/vnd.openxmlformats-", "application/vnd.oasis.opendocument." }) {
        if (type.startsWith(prefix))
            return true;
    }
    return false;
}

bool isTextType(const QByteArray &type)
{
    if (type.startsWith("text/"))
        return type != "text/plain"; // plain text is often JSON or XML sent without care
    for (const char *text : { "application/javascript", "application/x-javascript", "application/ecmascript",
                              "application/x-www-form-urlencoded", "application/graphql", "application/yaml",
                              "application/x-yaml", "application/sql", "application/x-ndjson",
                              "application/jsonl", "application/csv" }) {
        if (type == text)
            return true;
    }
    return false;
}

} // namespace

BodyKind BodySniffer::detect(QByteArrayView body, const QByteArray &contentType)
{
    if (body.isEmpty())
        return BodyKind::Empty;
    const QByteArray type = mediaType(contentType);
    if (type.startsWith("image/"))
        return BodyKind::Image;
    if (type == "text/html" || type == "application/xhtml+xml")
        return BodyKind::Html;
    if (type == "application/json" || type == "text/json" || type == "application/x-json"
        || type.endsWith("+json"))
        return BodyKind::Json;
    if (type == "application/xml" || type == "text/xml" || type.endsWith("+xml"))
        return BodyKind::Xml;
    if (isBinaryType(type))
        return BodyKind::Binary;
    if (isTextType(type))
        return BodyKind::Text;

    // No type, or one that does not tell (text/plain, application/octet-stream, an unknown one): the
    // bytes decide.
    const QByteArrayView head = body.first(qMin(body.size(), HeadSize));
    if (!magicImageFormat(head).isEmpty())
        return BodyKind::Image;
    if (head.startsWith("%PDF-"))
        return BodyKind::Binary;
    if (head.startsWith("\xff\xfe") || head.startsWith("\xfe\xff"))
        return textKind(utf16HeadAsUtf8(head));
    // A charset parameter says the server sends text, maybe in a single-byte charset that is not UTF-8.
    if (BodyText::charsetOf(contentType).isEmpty() && looksBinary(head))
        return BodyKind::Binary;
    return textKind(head);
}

QByteArray BodySniffer::imageFormat(QByteArrayView body, const QByteArray &contentType)
{
    const QByteArrayView head = body.first(qMin(body.size(), HeadSize));
    QByteArray format = magicImageFormat(head);
    if (!format.isEmpty())
        return format;
    if (textKind(head) == BodyKind::Image)
        return "svg"_ba;
    const QByteArray type = mediaType(contentType);
    if (type == "image/png" || type == "image/apng")
        return "png"_ba;
    if (type == "image/jpeg" || type == "image/jpg" || type == "image/pjpeg")
        return "jpeg"_ba;
    if (type == "image/gif")
        return "gif"_ba;
    if (type == "image/svg+xml")
        return "svg"_ba;
    if (type == "image/webp")
        return "webp"_ba;
    if (type == "image/bmp" || type == "image/x-bmp" || type == "image/x-ms-bmp")
        return "bmp"_ba;
    if (type == "image/x-icon" || type == "image/vnd.microsoft.icon")
        return "ico"_ba;
    return QByteArray();
}

bool BodySniffer::looksBinary(QByteArrayView body)
{
    const QByteArrayView head = body.first(qMin(body.size(), HeadSize));
    const bool cut = body.size() > head.size();
    const auto *b = reinterpret_cast<const uchar *>(head.data());
    const qsizetype n = head.size();
    qsizetype suspicious = 0;
    qsizetype i = 0;
    while (i < n) {
        const uchar c = b[i];
        if (c == 0)
            return true;
        if (c < 0x80) {
            // Control characters that text does not hold (tab, line breaks, form feed and escape it may).
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b) || c == 0x7f)
                ++suspicious;
            ++i;
            continue;
        }
        const int length = (c >= 0xc2 && c <= 0xdf) ? 2
            : (c >= 0xe0 && c <= 0xef)              ? 3
            : (c >= 0xf0 && c <= 0xf4)              ? 4
                                                    : 0;
        if (length > 0 && i + length > n && cut)
            break; // a character cut by the end of the head
        bool valid = length > 0 && i + length <= n;
        for (int k = 1; valid && k < length; ++k)
            valid = (b[i + k] & 0xc0) == 0x80;
        if (valid) {
            i += length;
        } else {
            ++suspicious;
            ++i;
        }
    }
    // Latin-1 text has a few bytes that are not UTF-8 (one in seven in a short German sentence); binary
    // data has them everywhere (about half of random bytes).
    return suspicious * 4 > n;
}

QByteArray BodySniffer::mediaType(const QByteArray &contentType)
{
    const qsizetype semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.first(semicolon)).trimmed().toLower();
}

QString BodySniffer::name(BodyKind kind)
{
    switch (kind) {
    case BodyKind::Empty:
        return u"Empty"_s;
    case BodyKind::Json:
        return u"Json"_s;
    case BodyKind::Xml:
        return u"Xml"_s;
    case BodyKind::Html:
        return u"Html"_s;
    case BodyKind::Image:
        return u"Image"_s;
    case BodyKind::Binary:
        return u"Binary"_s;
    case BodyKind::Text:
        return u"Text"_s;
    }
    return QString();
}

} // namespace Postern
