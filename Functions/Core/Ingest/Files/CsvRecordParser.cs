using System.Text;

namespace OrdersPipeline.Functions.Ingest.Files;

/// <summary>One CSV record (RFC 4180): its fields, the physical lines it spans and its raw text, or a note that it
/// was longer than the record limit (then only its start is kept and its fields are not).</summary>
internal sealed record CsvRow(long Line, long LastLine, IReadOnlyList<string> Fields, string Raw, bool TooLong);

/// <summary>
/// RFC 4180 records from a text stream: comma-separated, fields optionally in double quotes, <c>""</c> for a quote
/// inside quotes, line breaks inside quotes allowed; CRLF or LF ends a record. A quoted field is kept exactly as it is
/// between its quotes (spaces included, as RFC 4180 says); spaces and tabs around the quotes, and at both ends of an
/// unquoted field, are dropped, since padding after a comma is common and never part of a value. A record longer than
/// <see cref="Orders.OrderLimits.MaxRecordBytes"/> characters is returned as too long without being held whole.
/// </summary>
internal sealed class CsvRecordParser(TextReader reader)
{
    private readonly char[] _buffer = new char[64 * 1024];
    private int _position;
    private int _length;
    private long _line = 1;

    public async Task<CsvRow?> ReadAsync(CancellationToken cancellationToken)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var raw = new StringBuilder();
        var firstLine = _line;
        var quoted = false;
        var wasQuoted = false;
        var afterQuote = false;
        var any = false;
        var tooLong = false;
        long size = 0;

        while (true)
        {
            if (_position == _length)
            {
                _length = await reader.ReadAsync(_buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
                _position = 0;
                if (_length == 0)
                {
                    if (!any)
                    {
                        return null;
                    }

                    fields.Add(Field(field, wasQuoted));
                    return Row(firstLine, _line, fields, raw, tooLong);
                }
            }

            var c = _buffer[_position++];
            any = true;
            if (++size > Orders.OrderLimits.MaxRecordBytes && !tooLong)
            {
                tooLong = true;
                field.Clear();
                fields.Clear();
            }

            if (quoted)
            {
                if (c == '"')
                {
                    quoted = false;
                    afterQuote = true;
                }
                else
                {
                    if (c == '\n')
                    {
                        _line++;
                    }

                    Append(field, c, tooLong);
                }

                Append(raw, c, tooLong && raw.Length >= RecordText.HeldStartBytes);
                continue;
            }

            switch (c)
            {
                case '"' when afterQuote:
                    // "" inside a quoted field: one literal quote, and the field goes on quoted.
                    Append(field, '"', tooLong);
                    quoted = true;
                    afterQuote = false;
                    break;
                case '"' when !wasQuoted && IsBlank(field):
                    field.Clear(); // spaces before the opening quote
                    quoted = true;
                    wasQuoted = true;
                    break;
                case ',':
                    if (!tooLong)
                    {
                        fields.Add(Field(field, wasQuoted));
                    }

                    field.Clear();
                    wasQuoted = false;
                    afterQuote = false;
                    break;
                case '\r':
                    break;
                case '\n':
                    _line++;
                    fields.Add(Field(field, wasQuoted));
                    return Row(firstLine, _line - 1, fields, raw, tooLong);
                case ' ' or '\t' when wasQuoted:
                    afterQuote = false; // spaces after the closing quote
                    break;
                default:
                    Append(field, c, tooLong);
                    afterQuote = false;
                    break;
            }

            if (c != '\n')
            {
                Append(raw, c, tooLong && raw.Length >= RecordText.HeldStartBytes);
            }
        }
    }

    private static bool IsBlank(StringBuilder field)
    {
        foreach (var chunk in field.GetChunks())
        {
            if (chunk.Span.IndexOfAnyExcept(' ', '\t') >= 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A quoted field exactly; an unquoted one without the spaces and tabs at its ends.</summary>
    private static string Field(StringBuilder field, bool quoted) =>
        quoted ? field.ToString() : field.ToString().Trim(' ', '\t');

    private static void Append(StringBuilder builder, char c, bool skip)
    {
        if (!skip)
        {
            builder.Append(c);
        }
    }

    private static CsvRow Row(long line, long lastLine, List<string> fields, StringBuilder raw, bool tooLong)
    {
        var text = raw.ToString().TrimEnd('\r');
        if (tooLong)
        {
            text = RecordText.KeptStart(text);
        }

        return new CsvRow(line, lastLine, tooLong ? [] : fields, text, tooLong);
    }
}
