using System.Globalization;
using System.Text.Json;
using System.Xml;

namespace DigitalTwin.Engine.IO;

/// <summary>
/// A parser's complaint in words a user can act on: where in the file, and what was wrong there, without the parser's
/// own bookkeeping ("LineNumber: 10 | BytePositionInLine: 15", "Path: $", an exception's type name, a protobuf
/// library's pointer to stackoverflow). Used by every reader of a user's file, so a hostile file never gets a library's text.
/// </summary>
internal static class DecoderText
{
    /// <summary>"at line 11, column 16: '-' is invalid after a property name. Expected a ':'."</summary>
    public static string Json(JsonException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return string.Create(CultureInfo.InvariantCulture, $"at line {(e.LineNumber ?? 0) + 1}, {JsonInLine(e)}");
    }

    /// <summary>
    /// "column 16: '-' is invalid …", for a problem whose field already names the line. Without
    /// <paramref name="quoting"/> only "column 16": the parser's words quote the file's text, and a file reached through
    /// a path in someone else's scenario is not to be printed, not even a character of it.
    /// </summary>
    public static string JsonInLine(JsonException e, bool quoting = true)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (!quoting)
        {
            return string.Create(CultureInfo.InvariantCulture, $"column {(e.BytePositionInLine ?? 0) + 1}");
        }
        string message = e.Message;
        foreach (string bookkeeping in new[] { " LineNumber:", " Path:", " | BytePositionInLine:" })
        {
            int cut = message.IndexOf(bookkeeping, StringComparison.Ordinal);
            message = cut > 0 ? message[..cut] : message;
        }
        return string.Create(CultureInfo.InvariantCulture, $"column {(e.BytePositionInLine ?? 0) + 1}: {message.Trim()}");
    }

    /// <summary>What is wrong with an XML file, from the first <see cref="XmlException"/> in the chain; null when there is none.</summary>
    public static string? Xml(Exception e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is XmlException xml)
            {
                string message = xml.Message;
                int cut = message.IndexOf(" Line ", StringComparison.Ordinal);
                message = cut > 0 ? message[..cut] : message;
                // .NET refuses a DTD by default; its advice (set DtdProcessing) is for programmers, not for a map's user.
                if (message.Contains("DTD", StringComparison.Ordinal))
                {
                    message = "it declares a DTD, which a map file does not need and this reader does not follow.";
                }
                return string.Create(CultureInfo.InvariantCulture, $"is not well-formed XML at line {xml.LineNumber}, column {xml.LinePosition}: {message.Trim()}");
            }
        }
        return null;
    }
}
