-- Ready queries on the tables of docs/summary-schema.md (PostgreSQL), loaded from
-- `ziping summary 文件夹… --out 汇总 --format csv`. Run with: psql -d 库名 -f docs/summary-queries.sql
-- Each query's figures are those of the CLI (tests/integration/summary-postgres.test.ts checks them).

-- 1. 各地区样式的等级分布：每种地区样式下，部门整体表与项目表各等级的表数。
SELECT u.layout AS "地区样式",
       f.kind AS "类型",
       count(*) FILTER (WHERE f.grade = '优') AS "优",
       count(*) FILTER (WHERE f.grade = '良') AS "良",
       count(*) FILTER (WHERE f.grade = '中') AS "中",
       count(*) FILTER (WHERE f.grade = '差') AS "差",
       count(*) AS "合计"
FROM forms f
JOIN units u USING (file)
GROUP BY u.layout, f.kind
ORDER BY u.layout, f.kind;

-- 2. 有错误的单位：错误数从多到少，附有错误的表数；未读入的文件另见 failed 表。
SELECT u.unit AS "单位",
       u.year AS "年度",
       u.errors AS "错误数",
       count(*) FILTER (WHERE f.errors > 0) AS "有错误的表数",
       u.file AS "文件"
FROM units u
JOIN forms f USING (file)
WHERE u.errors > 0
GROUP BY u.unit, u.year, u.errors, u.file
ORDER BY u.errors DESC, u.file;

-- 3. 执行率与得分：项目表按执行率分档，每档的表数、平均自评得分和全年预算数合计。
SELECT CASE
         WHEN f.rate IS NULL THEN '无执行率'
         WHEN f.rate >= 1 THEN '100% 及以上'
         WHEN f.rate >= 0.9 THEN '90%–100%'
         WHEN f.rate >= 0.6 THEN '60%–90%'
         ELSE '60% 以下'
       END AS "执行率档",
       count(*) AS "表数",
       round(avg(f.score), 2) AS "平均得分",
       round(sum(f.budget), 2) AS "全年预算数（万元）"
FROM forms f
WHERE f.kind = '项目'
GROUP BY 1
ORDER BY min(f.rate) NULLS LAST;
