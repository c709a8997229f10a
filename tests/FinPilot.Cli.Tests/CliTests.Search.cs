using Microsoft.EntityFrameworkCore;

namespace FinPilot.Cli.Tests;

public sealed partial class CliTests
{
    [Fact]
    public async Task Search_rebuild_recreates_the_read_model_from_its_sources()
    {
        Assert.Equal(0, (await RunAsync("demo", "seed")).Exit);
        List<string> before;
        await using (var db = Open())
        {
            before = [.. (await db.SearchDocuments.Select(d => new { d.Kind, d.TargetId, d.Tokens, d.Public }).ToListAsync()).Select(d => $"{d.Kind}|{d.TargetId}|{d.Tokens}|{d.Public}").Order(StringComparer.Ordinal)];
            await db.SearchDocuments.ExecuteDeleteAsync();
        }

        var (exit, output) = await RunAsync("search", "rebuild");

        Assert.Equal(0, exit);
        Assert.NotEmpty(before);
        Assert.Contains($"holds {before.Count} documents", output, StringComparison.Ordinal);
        await using var after = Open();
        Assert.Equal(before, [.. (await after.SearchDocuments.Select(d => new { d.Kind, d.TargetId, d.Tokens, d.Public }).ToListAsync()).Select(d => $"{d.Kind}|{d.TargetId}|{d.Tokens}|{d.Public}").Order(StringComparer.Ordinal)]);
    }
}
