using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FinPilot.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SupervisionTwo : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "PublicResponses",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "zh-CN");

            migrationBuilder.CreateTable(
                name: "AddressedNotifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Address = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Culture = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ValuesJson = table.Column<string>(type: "text", nullable: false),
                    Link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EmailSentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EmailAttempts = table.Column<int>(type: "integer", nullable: false),
                    EmailError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    EmailNextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AddressedNotifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ContingencyPlanVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PublishedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Levels = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContingencyPlanVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CorrectionOrders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Findings = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    Breach = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    RequiredActions = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    Severity = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    MustRectify = table.Column<bool>(type: "boolean", nullable: false),
                    Source = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    AlertId = table.Column<Guid>(type: "uuid", nullable: true),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IssuedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    Extensions = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Escalation = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Disclosed = table.Column<bool>(type: "boolean", nullable: false),
                    CorrectionPlan = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    Evidence = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    Conclusion = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Steps = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CorrectionOrders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DisposalCases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    PlanVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanVersionNumber = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    SourceId = table.Column<Guid>(type: "uuid", nullable: true),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    AffectedCustomers = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OpenedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Actions = table.Column<string>(type: "text", nullable: false),
                    LevelChanges = table.Column<string>(type: "text", nullable: false),
                    Notices = table.Column<string>(type: "text", nullable: false),
                    Compensation = table.Column<string>(type: "text", nullable: false),
                    SuspendedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResumedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    TerminationProposedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    TerminationReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Conclusion = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisposalCases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlanChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    BaseRevision = table.Column<int>(type: "integer", nullable: false),
                    Current = table.Column<string>(type: "text", nullable: false),
                    Proposed = table.Column<string>(type: "text", nullable: false),
                    ChangedFields = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Route = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RouteReasons = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: true),
                    AgendaItemId = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    DecisionNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AppliedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AppliedRevision = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ToleratedDeviations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Deviation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Rationale = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Conditions = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Term = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Steps = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ToleratedDeviations", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "ContingencyPlanVersions",
                columns: new[] { "Id", "Levels", "Note", "Number", "PublishedAt", "PublishedBy" },
                values: new object[] { new Guid("0193f0a0-0000-7000-8000-000000000017"), "[{\"level\":1,\"triggersZh\":\"\\u7CFB\\u7EDF\\u6027\\u98CE\\u9669\\u6216\\u91CD\\u5927\\u7FA4\\u4F53\\u6027\\u4E8B\\u4EF6\\uFF1A\\u5927\\u9762\\u79EF\\u8D44\\u91D1\\u635F\\u5931\\u3001\\u5BA2\\u6237\\u6743\\u76CA\\u53D7\\u5230\\u4E25\\u91CD\\u4FB5\\u5BB3\\uFF0C\\u6216\\u98CE\\u9669\\u5916\\u6EA2\\u81F3\\u5176\\u4ED6\\u673A\\u6784\\u3002\",\"triggersEn\":\"Systemic risk or a major mass event: widespread loss of funds, serious harm to customers\\u0027 rights, or risk spreading to other institutions.\",\"actions\":[{\"kind\":1,\"workingDays\":1},{\"kind\":2,\"workingDays\":2},{\"kind\":3,\"workingDays\":20},{\"kind\":4,\"workingDays\":10}]},{\"level\":2,\"triggersZh\":\"\\u4E25\\u91CD\\u8FDD\\u53CD\\u8BD5\\u70B9\\u65B9\\u6848\\u6216\\u76D1\\u7BA1\\u8981\\u6C42\\uFF0C\\u9020\\u6210\\u8F83\\u5927\\u5BA2\\u6237\\u635F\\u5931\\uFF0C\\u6216\\u4E25\\u91CD\\u4E8B\\u4EF6\\u672A\\u53CA\\u65F6\\u62A5\\u544A\\u3002\",\"triggersEn\":\"A serious breach of the pilot plan or of supervisory requirements, causing significant customer losses, or a severe incident not reported in time.\",\"actions\":[{\"kind\":1,\"workingDays\":2},{\"kind\":2,\"workingDays\":3},{\"kind\":3,\"workingDays\":20}]},{\"level\":3,\"triggersZh\":\"\\u98CE\\u9669\\u6307\\u6807\\u6301\\u7EED\\u8D8A\\u9650\\u6216\\u4E1A\\u52A1\\u8FDE\\u7EED\\u6027\\u4E2D\\u65AD\\uFF0C\\u5BA2\\u6237\\u6743\\u76CA\\u53D7\\u5230\\u5F71\\u54CD\\u4F46\\u635F\\u5931\\u53EF\\u63A7\\u3002\",\"triggersEn\":\"Risk metrics persistently beyond limits or business continuity interrupted; customers affected but losses contained.\",\"actions\":[{\"kind\":1,\"workingDays\":3},{\"kind\":2,\"workingDays\":5},{\"kind\":3,\"workingDays\":30}]},{\"level\":4,\"triggersZh\":\"\\u4E00\\u822C\\u98CE\\u9669\\u4E8B\\u4EF6\\uFF0C\\u5F71\\u54CD\\u8303\\u56F4\\u5C0F\\uFF0C\\u673A\\u6784\\u53EF\\u81EA\\u884C\\u5904\\u7F6E\\u3002\",\"triggersEn\":\"An ordinary risk event of limited reach that the institution can handle itself.\",\"actions\":[{\"kind\":2,\"workingDays\":10}]}]", "平台初始预案 / Initial plan", 1, new DateTimeOffset(new DateTime(2020, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system" });

            migrationBuilder.CreateIndex(
                name: "IX_AddressedNotifications_EmailSentAt",
                table: "AddressedNotifications",
                column: "EmailSentAt");

            migrationBuilder.CreateIndex(
                name: "IX_ContingencyPlanVersions_Number",
                table: "ContingencyPlanVersions",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CorrectionOrders_OrganisationId_IssuedAt",
                table: "CorrectionOrders",
                columns: new[] { "OrganisationId", "IssuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CorrectionOrders_ProjectId_IssuedAt",
                table: "CorrectionOrders",
                columns: new[] { "ProjectId", "IssuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CorrectionOrders_RegionId_IssuedAt",
                table: "CorrectionOrders",
                columns: new[] { "RegionId", "IssuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CorrectionOrders_Status_DueAt",
                table: "CorrectionOrders",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DisposalCases_OrganisationId_OpenedAt",
                table: "DisposalCases",
                columns: new[] { "OrganisationId", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DisposalCases_ProjectId_OpenedAt",
                table: "DisposalCases",
                columns: new[] { "ProjectId", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DisposalCases_RegionId_OpenedAt",
                table: "DisposalCases",
                columns: new[] { "RegionId", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanChanges_ProjectId_RequestedAt",
                table: "PlanChanges",
                columns: new[] { "ProjectId", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanChanges_RegionId_Status_RequestedAt",
                table: "PlanChanges",
                columns: new[] { "RegionId", "Status", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanChanges_Status_AppliedAt_EffectiveOn",
                table: "PlanChanges",
                columns: new[] { "Status", "AppliedAt", "EffectiveOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ToleratedDeviations_ProjectId_RecordedAt",
                table: "ToleratedDeviations",
                columns: new[] { "ProjectId", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ToleratedDeviations_RegionId_RecordedAt",
                table: "ToleratedDeviations",
                columns: new[] { "RegionId", "RecordedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AddressedNotifications");

            migrationBuilder.DropTable(
                name: "ContingencyPlanVersions");

            migrationBuilder.DropTable(
                name: "CorrectionOrders");

            migrationBuilder.DropTable(
                name: "DisposalCases");

            migrationBuilder.DropTable(
                name: "PlanChanges");

            migrationBuilder.DropTable(
                name: "ToleratedDeviations");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "PublicResponses");
        }
    }
}
