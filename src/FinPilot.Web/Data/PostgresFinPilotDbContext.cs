using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Data;

public sealed class PostgresFinPilotDbContext(DbContextOptions<PostgresFinPilotDbContext> options) : FinPilotDbContext(options);
