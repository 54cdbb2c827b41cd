#include "bodyview/iregexp.h"

#include <string>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

bool isDigit(char32_t c)
{
    return c >= U'0' && c <= U'9';
}

// RFC 9485 §5: NormalChar, a character that stands for itself outside a class.
bool isNormalChar(char32_t c)
{
    return c <= 0x27 || c == U',' || c == U'-' || (c >= 0x2f && c <= 0x3e) || (c >= 0x40 && c <= 0x5a)
        || (c >= 0x5e && c <= 0x7a) || (c >= 0x7e && c <= 0xd7ff) || (c >= 0xe000 && c <= 0x10ffff);
}

// CCchar without its escapes: a character that stands for itself inside a class.
bool isPlainClassChar(char32_t c)
{
    return c <= 0x2c || (c >= 0x2e && c <= 0x5a) || (c >= 0x5e && c <= 0xd7ff)
        || (c >= 0xe000 && c <= 0x10ffff);
}

// The character a SingleCharEsc stands for (the letter after the backslash), or 0 when it is none.
char32_t singleCharEscape(char32_t c)
{
    switch (c) {
    case U'n':
        return U'\n';
    case U'r':
        return U'\r';
    case U't':
        return U'\t';
    case U'(':
    case U')':
    case U'*':
    case U'+':
    case U'-':
    case U'.':
    case U'?':
    case U'[':
    case U'\\':
    case U']':
    case U'^':
    case U'{':
    case U'|':
    case U'}':
        return c;
    default:
        return 0;
    }
}

// The general categories I-Regexp knows (RFC 9485 §5, IsCategory): a major class alone or with one of
// its minor letters.
bool isCategory(char32_t major, std::optional<char32_t> minor)
{
    const auto among = [](char32_t c, const char *letters) {
        for (const char *l = letters; *l; ++l) {
            if (char32_t(*l) == c)
                return true;
        }
        return false;
    };
    if (!minor)
        return among(major, "LMNPZSC");
    switch (major) {
    case U'L':
        return among(*minor, "lmotu");
    case U'M':
        return among(*minor, "cen");
    case U'N':
        return among(*minor, "dlo");
    case U'P':
        return among(*minor, "cdefios");
    case U'Z':
        return among(*minor, "lps");
    case U'S':
        return among(*minor, "ckmo");
    case U'C':
        return among(*minor, "cfno");
    default:
        return false;
    }
}

// One pass of recursive descent over the code points, writing the PCRE form as it goes.
class Translator
{
public:
    explicit Translator(std::u32string pattern)
        : m_in(std::move(pattern))
    {
    }

    std::optional<QString> run()
    {
        if (!regexp(0) || m_pos != m_in.size())
            return std::nullopt;
        return m_out;
    }

private:
    char32_t peek(size_t ahead = 0) const { return m_pos + ahead < m_in.size() ? m_in[m_pos + ahead] : 0; }
    bool atEnd() const { return m_pos >= m_in.size(); }

    void literal(char32_t c)
    {
        if ((c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || isDigit(c))
            m_out += QChar(char16_t(c));
        else
            m_out += u"\\x{%1}"_s.arg(uint(c), 0, 16);
    }

    // i-regexp = branch *( "|" branch )
    bool regexp(int depth)
    {
        if (depth > IRegexp::MaxNesting || !branch(depth))
            return false;
        while (!atEnd() && peek() == U'|') {
            ++m_pos;
            m_out += u'|';
            if (!branch(depth))
                return false;
        }
        return true;
    }

    // branch = *piece; piece = atom [ quantifier ]
    bool branch(int depth)
    {
        while (!atEnd() && peek() != U'|' && peek() != U')') {
            if (!atom(depth) || !quantifier())
                return false;
        }
        return true;
    }

    bool atom(int depth)
    {
        const char32_t c = peek();
        if (c == U'(') {
            ++m_pos;
            m_out += u"(?:"_s;
            if (!regexp(depth + 1) || peek() != U')' || atEnd())
                return false;
            ++m_pos;
            m_out += u')';
            return true;
        }
        if (c == U'.') {
            ++m_pos;
            m_out += u"[^\\n\\r]"_s;
            return true;
        }
        if (c == U'[')
            return charClassExpr();
        if (c == U'\\') {
            if (category())
                return true;
            const char32_t escaped = singleCharEscape(peek(1));
            if (!escaped)
                return false;
            m_pos += 2;
            literal(escaped);
            return true;
        }
        if (!isNormalChar(c))
            return false;
        ++m_pos;
        literal(c);
        return true;
    }

    // quantifier = "*" / "+" / "?" / "{" QuantExact [ "," [ QuantExact ] ] "}", at most one per atom.
    bool quantifier()
    {
        const char32_t c = peek();
        if (atEnd() || (c != U'*' && c != U'+' && c != U'?' && c != U'{'))
            return true;
        ++m_pos;
        if (c != U'{') {
            m_out += QChar(char16_t(c));
            return true;
        }
        const auto number = [this](qint64 *value) {
            const size_t start = m_pos;
            *value = 0;
            while (!atEnd() && isDigit(peek())) {
                *value = qMin<qint64>(*value * 10 + (peek() - U'0'), 1'000'000);
                ++m_pos;
            }
            return m_pos > start;
        };
        qint64 low = 0;
        qint64 high = -1;
        if (!number(&low))
            return false;
        QString text = QString::number(low);
        if (peek() == U',') {
            ++m_pos;
            text += u',';
            if (isDigit(peek())) {
                number(&high);
                if (high < low)
                    return false;
                text += QString::number(high);
            }
        }
        if (peek() != U'}' || atEnd())
            return false;
        ++m_pos;
        m_out += u'{' + text + u'}';
        return true;
    }

    // catEsc / complEsc: \p{Lu}, \P{N}
    bool category()
    {
        if (peek() != U'\\' || (peek(1) != U'p' && peek(1) != U'P') || peek(2) != U'{')
            return false;
        const char32_t major = peek(3);
        std::optional<char32_t> minor;
        if (peek(4) != U'}')
            minor = peek(4);
        const size_t close = minor ? 5 : 4;
        if (m_pos + close >= m_in.size() || peek(close) != U'}' || !isCategory(major, minor))
            return false;
        m_out += u'\\' + QChar(char16_t(peek(1))) + u'{' + QChar(char16_t(major));
        if (minor)
            m_out += QChar(char16_t(*minor));
        m_out += u'}';
        m_pos += close + 1;
        return true;
    }

    // A CCchar: a plain class character or a SingleCharEsc.
    std::optional<char32_t> classChar()
    {
        if (atEnd())
            return std::nullopt;
        const char32_t c = peek();
        if (c == U'\\') {
            const char32_t escaped = singleCharEscape(peek(1));
            if (!escaped)
                return std::nullopt;
            m_pos += 2;
            return escaped;
        }
        if (!isPlainClassChar(c))
            return std::nullopt;
        ++m_pos;
        return c;
    }

    // charClassExpr = "[" [ "^" ] ( "-" / CCE1 ) *CCE1 [ "-" ] "]"; CCE1 = ( CCchar [ "-" CCchar ] ) / catEsc
    bool charClassExpr()
    {
        ++m_pos;
        m_out += u'[';
        if (!atEnd() && peek() == U'^') {
            ++m_pos;
            m_out += u'^';
        }
        for (bool first = true;; first = false) {
            if (atEnd())
                return false;
            const char32_t c = peek();
            if (c == U']') {
                if (first)
                    return false;
                ++m_pos;
                m_out += u']';
                return true;
            }
            if (c == U'-') {
                if (!first && peek(1) != U']')
                    return false;
                ++m_pos;
                literal(U'-');
                continue;
            }
            if (category())
                continue;
            const std::optional<char32_t> low = classChar();
            if (!low)
                return false;
            if (m_pos + 1 < m_in.size() && peek() == U'-' && peek(1) != U']') {
                ++m_pos;
                const std::optional<char32_t> high = classChar();
                if (!high || *high < *low)
                    return false;
                literal(*low);
                m_out += u'-';
                literal(*high);
            } else {
                literal(*low);
            }
        }
    }

    std::u32string m_in;
    size_t m_pos = 0;
    QString m_out;
};

} // namespace

std::optional<QString> IRegexp::toPcre(const QString &pattern)
{
    // Code points; a lone surrogate is not an I-Regexp.
    std::u32string points;
    points.reserve(size_t(pattern.size()));
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c.isHighSurrogate() && i + 1 < pattern.size() && pattern.at(i + 1).isLowSurrogate()) {
            points.push_back(QChar::surrogateToUcs4(c, pattern.at(i + 1)));
            ++i;
        } else if (c.isSurrogate()) {
            return std::nullopt;
        } else {
            points.push_back(c.unicode());
        }
    }
    return Translator(std::move(points)).run();
}

std::optional<QRegularExpression> IRegexp::compile(const QString &pattern, Mode mode)
{
    const std::optional<QString> pcre = toPcre(pattern);
    if (!pcre)
        return std::nullopt;
    const QString wrapped
        = mode == Mode::Whole ? QString(u"\\A(?:"_s + *pcre + u")\\z"_s) : QString(u"(?:"_s + *pcre + u')');
    QRegularExpression expression(wrapped);
    if (!expression.isValid())
        return std::nullopt;
    return expression;
}

} // namespace Postern
