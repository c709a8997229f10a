using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FinPilot.Ledger.Notes;
using FinPilot.Web.Features.Ledger;

namespace FinPilot.Web.Features.Metrics;

/// <param name="Note">The signed note (c2sp.org/signed-note), verifiable with the ledger's published key.</param>
/// <param name="AcceptedSha256">Lower-case hex SHA-256 of the accepted events' canonical bytes (<see cref="MetricReceipts.CanonicalBytes"/>).</param>
public sealed record MetricReceipt(string Note, Guid ProjectId, int AcceptedCount, string AcceptedSha256, DateTimeOffset ReceivedAt, string KeyName);

/// <summary>
/// Signed receipts for submissions: a signed note in the ledger's format, with the platform's
/// Ed25519 ledger key, naming the project, the count and SHA-256 of the events accepted by this
/// request (not the duplicates, which an earlier receipt covers) and when they were received. The
/// note's first line, <see cref="Header"/>, is no log's origin, so a receipt can never pass for a
/// checkpoint. Its text is:
/// <code>
/// finpilot.supervision.metrics-receipt/v1
/// project 0190…
/// client 0190…
/// received 2026-03-01T08:00:00.0000000Z
/// accepted 998
/// sha256 3f5a…
/// </code>
/// </summary>
public sealed class MetricReceipts(LedgerKey key)
{
    public const string Header = "finpilot.supervision.metrics-receipt/v1";

    /// <summary>Null when the platform has no ledger key (the ledger is off); the submission is still taken.</summary>
    public MetricReceipt? Sign(Guid projectId, Guid clientId, DateTimeOffset receivedAt, IReadOnlyList<ReceiptLiterals> accepted)
    {
        if (!key.IsConfigured)
        {
            return null;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(CanonicalBytes(accepted)));
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"{Header}\nproject {projectId}\nclient {clientId}\nreceived {receivedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'}\naccepted {accepted.Count}\nsha256 {hash}\n");
        var note = SignedNote.Sign(text, key.Signer);
        return new MetricReceipt(note.Format(), projectId, accepted.Count, hash, receivedAt, key.Signer.Name);
    }

    /// <summary>
    /// The bytes hashed: one line per accepted event, in the order of the request; each line is the
    /// event's <c>source</c>, <c>id</c>, <c>data.metric</c>, <c>data.value</c>, <c>data.periodStart</c>,
    /// <c>data.periodEnd</c> and <c>time</c> exactly as sent (the value as its JSON number literal),
    /// each percent-encoded as by RFC 3986 (only A–Z a–z 0–9 - . _ ~ left as they are), separated by
    /// one space and ended by a line feed; all in UTF-8. No events: no bytes.
    /// </summary>
    public static byte[] CanonicalBytes(IEnumerable<ReceiptLiterals> accepted)
    {
        var text = new StringBuilder();
        foreach (var e in accepted)
        {
            text.AppendJoin(' ', [Escape(e.Source), Escape(e.Id), Escape(e.Metric), Escape(e.Value), Escape(e.PeriodStart), Escape(e.PeriodEnd), Escape(e.Time)]).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Escape(string value) => Uri.EscapeDataString(value);
}
