#include "curl/shellsplitter_p.h"

using namespace Qt::StringLiterals;

// $'…' (ANSI-C quoting, as bash and zsh read it): backslash escapes for control characters, octal,
// hexadecimal and Unicode code points.
namespace Postern::ShellWords::Detail {

bool Splitter::ansiCQuoted()
{
    m_wordQuoted = true;
    const int openLine = m_line;
    m_pos += 2;
    QByteArray bytes; // \x and octal escapes give bytes, read as UTF-8 at the end
    QString run;
    const auto flush = [&] {
        bytes += run.toUtf8();
        run.clear();
    };
    const auto readDigits = [&](int base, int maxDigits, uint *value) {
        int digits = 0;
        *value = 0;
        while (digits < maxDigits) {
            const int digit = hexValue(at(m_pos));
            if (digit < 0 || digit >= base)
                break;
            *value = *value * uint(base) + uint(digit);
            ++m_pos;
            ++digits;
        }
        return digits;
    };
    while (m_pos < m_text.size()) {
        const QChar c = m_text.at(m_pos);
        if (c == u'\'') {
            ++m_pos;
            flush();
            if (bytes.contains('\0'))
                return fail(tr("The quote $'…' on line %1 holds a NUL character, which no command line can "
                               "carry.")
                                .arg(openLine));
            m_word.text += QString::fromUtf8(bytes);
            return true;
        }
        if (c != u'\\') {
            if (c == u'\n')
                ++m_line;
            run += c;
            ++m_pos;
            continue;
        }
        const QChar e = at(m_pos + 1);
        m_pos += 2;
        uint value = 0;
        switch (e.unicode()) {
        case u'a':
            run += QChar(0x07);
            break;
        case u'b':
            run += QChar(0x08);
            break;
        case u'e':
        case u'E':
            run += QChar(0x1b);
            break;
        case u'f':
            run += QChar(0x0c);
            break;
        case u'n':
            run += QChar(0x0a);
            break;
        case u'r':
            run += QChar(0x0d);
            break;
        case u't':
            run += QChar(0x09);
            break;
        case u'v':
            run += QChar(0x0b);
            break;
        case u'\\':
        case u'\'':
        case u'"':
        case u'?':
            run += e;
            break;
        case u'x':
            if (readDigits(16, 2, &value) == 0) {
                run += u"\\x"_s;
            } else {
                flush();
                bytes.append(char(value));
            }
            break;
        case u'u':
        case u'U':
            if (readDigits(16, e == u'u' ? 4 : 8, &value) == 0) {
                run += u'\\';
                run += e;
            } else {
                if (value == 0)
                    return fail(tr("The quote $'…' on line %1 holds a NUL character, which no command line "
                                   "can carry.")
                                    .arg(openLine));
                if (value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff))
                    value = 0xfffd;
                const char32_t codePoint = value;
                run += QString::fromUcs4(&codePoint, 1);
            }
            break;
        case u'c':
            if (m_pos < m_text.size()) {
                run += QChar(m_text.at(m_pos).unicode() & 0x1f);
                ++m_pos;
            } else {
                run += u"\\c"_s;
            }
            break;
        default:
            if (e >= u'0' && e <= u'7') {
                --m_pos; // the first digit is part of the number
                readDigits(8, 3, &value);
                flush();
                bytes.append(char(value & 0xff));
            } else if (!e.isNull()) {
                if (e == u'\n')
                    ++m_line;
                run += u'\\';
                run += e;
            }
            break;
        }
    }
    return fail(tr("The quote $'…' opened on line %1 is never closed.").arg(openLine));
}

} // namespace Postern::ShellWords::Detail
