using System.Globalization;

namespace FinPilot.Ledger.Witness;

/// <summary>
/// The <c>text/x.tlog.size</c> body of a 409 from a witness: the size it last cosigned, in decimal,
/// and a newline. Both sides use this: the witness to answer, the log to learn where to resume.
/// </summary>
public static class TreeSizeBody
{
    public const string ContentType = "text/x.tlog.size";

    public static string Format(long size) => size.ToString(CultureInfo.InvariantCulture) + "\n";

    public static Result<long> Parse(string body) =>
        body.EndsWith('\n') && AddCheckpointRequest.TryParseSize(body[..^1], out var size)
            ? size
            : Result<long>.Fail("Not a text/x.tlog.size body: a canonical decimal size and a newline.");
}
