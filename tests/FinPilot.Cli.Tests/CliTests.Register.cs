using Microsoft.EntityFrameworkCore;

namespace FinPilot.Cli.Tests;

public sealed partial class CliTests
{
    [Fact]
    public async Task Register_rebuild_recreates_the_read_model_from_the_public_records()
    {
        Assert.Equal(0, (await RunAsync("demo", "seed")).Exit);
        List<(Guid, string)> before;
        await using (var db = Open())
        {
            before = [.. (await db.RegisterPilots.Select(r => new { r.ProjectId, r.SearchText }).ToListAsync()).Select(r => (r.ProjectId, r.SearchText)).Order()];
            await db.RegisterPilots.ExecuteDeleteAsync();
        }

        var (exit, output) = await RunAsync("register", "rebuild");

        Assert.Equal(0, exit);
        Assert.NotEmpty(before);
        Assert.Contains($"holds {before.Count} pilots", output, StringComparison.Ordinal);
        await using var after = Open();
        Assert.Equal(before, [.. (await after.RegisterPilots.Select(r => new { r.ProjectId, r.SearchText }).ToListAsync()).Select(r => (r.ProjectId, r.SearchText)).Order()]);
    }
}
