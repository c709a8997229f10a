using System.Text;
using FinPilot.Domain.Disclosure;
using FinPilot.Ledger.Proofs;
using FinPilot.Web.Features.Ledger.Witnessing;
using FinPilot.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace FinPilot.Web.Features.Ledger;

/// <summary>
/// The log over HTTP, for anyone: <c>/ledger/checkpoint</c> and <c>/ledger/tile/…</c> in the
/// C2SP tlog-tiles layout (static, cacheable bytes a client verifies by itself), and JSON helpers
/// under <c>/api/v1/ledger</c> for proofs, entries and the offline <c>.tlog-proof</c> download.
/// </summary>
public static class LedgerApi
{
    private const string TextPlain = "text/plain; charset=utf-8";

    public sealed record ProofDto(long TreeSize, IReadOnlyList<string> Hashes);

    /// <param name="Entry">The logged entry as JSON (the bytes hashed are its canonical form).</param>
    /// <param name="Record">The public record's payload, canonical JSON: its SHA-256 is the entry's contentSha256.</param>
    public sealed record EntryDto(long Index, string LeafHash, LedgerEntry Entry, string Record, string ProofUrl);

    /// <param name="Cosignatures">How many of <paramref name="Witnesses"/> cosigned this checkpoint.</param>
    public sealed record CheckpointDto(
        string Origin, string VerifierKey, long Size, string RootHash, DateTimeOffset SignedAt, int Cosignatures, string Note, IReadOnlyList<WitnessStatus> Witnesses);

    public static IEndpointRouteBuilder MapLedgerApi(this IEndpointRouteBuilder app)
    {
        var files = app.MapGroup("/ledger").AllowAnonymous().DisableAntiforgery().WithTags("Ledger");
        files.MapGet("/checkpoint", Checkpoint).WithName("LedgerCheckpoint")
            .WithSummary("The latest signed checkpoint (C2SP tlog-checkpoint as a signed note), with any witness cosignatures.");
        files.MapGet("/tile/{**path}", TileBytes).WithName("LedgerTile")
            .WithSummary("A hash tile (tile/L/N[.p/W]) or entry bundle (tile/entries/N[.p/W]) in the C2SP tlog-tiles layout.");

        var api = app.MapGroup("/api/v1/ledger").AllowAnonymous().DisableAntiforgery().WithTags("Ledger");
        api.MapGet("/", About).WithName("GetLedger")
            .WithSummary("The log's origin, public key and latest checkpoint.");
        api.MapGet("/proof/inclusion", Inclusion).WithName("LedgerInclusionProof")
            .WithSummary("An inclusion proof for entry `index` in the tree of `size` entries (default: the latest checkpoint's), hashes in base64.");
        api.MapGet("/proof/consistency", Consistency).WithName("LedgerConsistencyProof")
            .WithSummary("A consistency proof from the tree of `old` entries to that of `new` entries, hashes in base64.");
        api.MapGet("/entries", Entries).WithName("ListLedgerEntries")
            .WithSummary("Logged entries under the latest checkpoint, by kind (e.g. `Disclosure.Admitted`), region code (`national` for national records) and China-time dates `from`/`to` (inclusive); sort=Newest|Oldest; paged.");
        api.MapGet("/entries.xlsx", ExportEntries).WithName("ExportLedgerEntries")
            .WithSummary("The same filtered entries (up to 10,000) as an XLSX workbook, names in the request's language.");
        api.MapGet("/entries/{index:long}", Entry).WithName("GetLedgerEntry")
            .WithSummary("A logged entry, its leaf hash and the public record it describes.");
        api.MapGet("/entries/{index:long}/record.json", RecordFile).WithName("GetLedgerRecord")
            .WithSummary("The public record's content as canonical JSON: its SHA-256 is the entry's contentSha256 (for `ledger check-proof --record`).");
        api.MapGet("/entries/{index:long}/proof", ProofFile).WithName("DownloadLedgerProof")
            .WithSummary("The entry's offline proof (C2SP tlog-proof, entry in the extra line), to check with `finpilot ledger check-proof`.");
        app.MapWitnessApi();
        return app;
    }

    private static async Task<IResult> Checkpoint(LedgerReader ledger, HttpContext context, CancellationToken ct)
    {
        if (await ledger.LatestCheckpointAsync(ct) is not { } checkpoint)
        {
            return Problems.NotFound();
        }

        // A client must see a new checkpoint within seconds, but a burst may share one fetch.
        context.Response.Headers.CacheControl = "public, max-age=2";
        return TypedResults.Text(checkpoint.Note, TextPlain, Encoding.UTF8);
    }

    private static async Task<IResult> TileBytes(string path, LedgerReader ledger, HttpContext context, CancellationToken ct)
    {
        if (await ledger.ReadTileAsync("tile/" + path, ct) is not { } bytes)
        {
            return Problems.NotFound();
        }

        // A tile's bytes at a given path never change (a wider partial tile has another path).
        context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return TypedResults.Bytes(bytes, "application/octet-stream");
    }

    private static async Task<Results<Ok<CheckpointDto>, ProblemHttpResult>> About(
        LedgerReader ledger, LedgerKey key, LedgerWitnessing witnessing, CancellationToken ct)
    {
        if (!key.IsConfigured || await ledger.LatestCheckpointAsync(ct) is not { } checkpoint)
        {
            return Problems.NotFound();
        }

        return TypedResults.Ok(new CheckpointDto(
            key.Origin, key.VerifierKey, checkpoint.Size, Convert.ToBase64String(checkpoint.RootHash), checkpoint.SignedAt, checkpoint.Cosignatures, checkpoint.Note,
            await witnessing.StatusAsync(checkpoint, ct)));
    }

    private static async Task<Results<Ok<ProofDto>, ProblemHttpResult>> Inclusion(long index, long? size, LedgerReader ledger, CancellationToken ct)
    {
        var proof = await ledger.InclusionAsync(index, size, ct);
        return proof.Succeeded ? TypedResults.Ok(ToDto(proof.Value)) : Problems.Validation(proof.Errors);
    }

    private static async Task<Results<Ok<ProofDto>, ProblemHttpResult>> Consistency(long old, long @new, LedgerReader ledger, CancellationToken ct)
    {
        var proof = await ledger.ConsistencyAsync(old, @new, ct);
        return proof.Succeeded ? TypedResults.Ok(ToDto(proof.Value)) : Problems.Validation(proof.Errors);
    }

    private static async Task<Results<Ok<EntryDto>, ProblemHttpResult>> Entry(long index, LedgerReader ledger, CancellationToken ct)
    {
        if (await ledger.EntryAsync(index, ct) is not { } found || LedgerEntry.TryParse(found.Entry) is not { } entry)
        {
            return Problems.NotFound();
        }

        return TypedResults.Ok(new EntryDto(
            found.Index, FinPilot.Ledger.Merkle.MerkleHash.Leaf(found.Entry).ToBase64(), entry, found.Payload, ProofPath(found.Index)));
    }

    /// <param name="Kind">The record kind's code, e.g. <c>Disclosure.Admitted</c>; <paramref name="KindName"/> is its name in the request's language.</param>
    /// <param name="Region">The region's code; empty for a national record.</param>
    public sealed record EntryRowDto(long Index, string Kind, string KindName, string Region, DateTimeOffset At, string Subject, string Link, string ContentSha256);

    private static async Task<Ok<Page<EntryRowDto>>> Entries(
        string? kind, string? region, DateOnly? from, DateOnly? to, LedgerSort? sort, int? page, int? pageSize, LedgerEntryList list, CancellationToken ct)
    {
        var found = await list.PageAsync(new LedgerEntryFilter(kind, region, from, to, sort ?? LedgerSort.Newest, page, pageSize), ct);
        return TypedResults.Ok(new Page<EntryRowDto>(
            [.. found.Items.Select(i => new EntryRowDto(i.Index, i.Entry.Kind, LedgerNames.Kind(i.Entry.Kind), i.Entry.Region, i.Entry.At, i.Entry.Subject, LedgerNames.PageOf(i.Entry), i.Entry.ContentSha256))],
            found.PageNumber, found.PageSize, found.Total));
    }

    private static async Task<FileContentHttpResult> ExportEntries(
        string? kind, string? region, DateOnly? from, DateOnly? to, LedgerSort? sort, LedgerEntryList list, CancellationToken ct) =>
        TypedResults.File(await list.ExportAsync(new LedgerEntryFilter(kind, region, from, to, sort ?? LedgerSort.Newest), ct), Files.Spreadsheet.ContentType, "ledger-entries.xlsx");

    private static async Task<IResult> RecordFile(long index, LedgerReader ledger, CancellationToken ct) =>
        await ledger.EntryAsync(index, ct) is { } found
            ? TypedResults.Text(found.Payload, "application/json; charset=utf-8", Encoding.UTF8)
            : Problems.NotFound();

    private static async Task<IResult> ProofFile(long index, LedgerReader ledger, CancellationToken ct)
    {
        if (await ledger.TlogProofAsync(index, ct) is not { } proof)
        {
            return Problems.NotFound();
        }

        return TypedResults.File(
            Encoding.UTF8.GetBytes(proof.Format()), "application/octet-stream", $"finpilot-ledger-{index}{TlogProof.FileExtension}");
    }

    /// <summary>Where a public page links to download the proof of entry <paramref name="index"/>.</summary>
    public static string ProofPath(long index) => $"/api/v1/ledger/entries/{index}/proof";

    private static ProofDto ToDto(ProofAnswer proof) => new(proof.TreeSize, [.. proof.Hashes.Select(h => h.ToBase64())]);
}
