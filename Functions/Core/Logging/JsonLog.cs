using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace OrdersPipeline.Functions.Logging;

/// <summary>
/// One JSON object per line on a writer (stdout in Lambda, where CloudWatch Logs picks it up). Thread-safe:
/// records of a batch fail concurrently. <see cref="ForRequest"/> gives the log of one invocation, whose every line
/// carries the request id.
/// </summary>
public sealed class JsonLog
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly TextWriter _output;
    private readonly Lock _gate;
    private readonly string? _requestId;

    public JsonLog(TextWriter output)
        : this(output, new Lock(), requestId: null)
    {
    }

    private JsonLog(TextWriter output, Lock gate, string? requestId)
    {
        _output = output;
        _gate = gate;
        _requestId = requestId;
    }

    public static JsonLog Console { get; } = new(System.Console.Out);

    /// <summary>The same output, with <c>requestId</c> on every line.</summary>
    public JsonLog ForRequest(string? requestId) => new(_output, _gate, requestId);

    /// <summary>One line with fields written by the caller after level, message and request id.</summary>
    public void Write(string level, string message, Action<Utf8JsonWriter> writeFields)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            WriteStart(writer, level, message);
            writeFields(writer);
            writer.WriteEndObject();
        }
        WriteLine(buffer);
    }

    public void Write(string level, string message, params ReadOnlySpan<(string Name, object? Value)> fields)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            WriteStart(writer, level, message);
            foreach (var (name, value) in fields)
            {
                switch (value)
                {
                    case null:
                        writer.WriteNull(name);
                        break;
                    case int i:
                        writer.WriteNumber(name, i);
                        break;
                    case long l:
                        writer.WriteNumber(name, l);
                        break;
                    case double d:
                        writer.WriteNumber(name, d);
                        break;
                    case bool b:
                        writer.WriteBoolean(name, b);
                        break;
                    default:
                        writer.WriteString(name, value.ToString());
                        break;
                }
            }
            writer.WriteEndObject();
        }
        WriteLine(buffer);
    }

    private void WriteStart(Utf8JsonWriter writer, string level, string message)
    {
        writer.WriteStartObject();
        writer.WriteString("level", level);
        writer.WriteString("message", message);
        if (_requestId is not null)
        {
            writer.WriteString("requestId", _requestId);
        }
    }

    private void WriteLine(ArrayBufferWriter<byte> buffer)
    {
        var line = Encoding.UTF8.GetString(buffer.WrittenSpan);
        lock (_gate)
        {
            _output.WriteLine(line);
            _output.Flush();
        }
    }
}
