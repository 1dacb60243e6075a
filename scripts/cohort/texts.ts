import { PLAN_SECTIONS } from "@/lib/content/question-schema";
import { pick, type Rng } from "./random";

// Short Chinese texts for names, written answers and grader comments: enough variety that
// lists and grading screens look lived-in, without pretending to be real answers.

const SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段";
const GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志宏晓燕玲婷雪梅鑫浩宇轩晨阳欣怡佳琪子涵思雨嘉博文俊凯鹏飞丹蕾颖琳倩瑶昊然诗悦";

export function personName(rng: Rng): string {
  const given = rng() < 0.3 ? pick(rng, [...GIVEN]) : pick(rng, [...GIVEN]) + pick(rng, [...GIVEN]);
  return pick(rng, [...SURNAMES]) + given;
}

// Five, so that blind pairs vary and a third trainer is always free to moderate (decision 043).
export const TRAINER_NAMES = ["陈讲师", "周讲师", "林讲师", "吴讲师", "郑讲师"];

const CASE_SENTENCES = [
  "先看数据：点击到加购的转化明显低于同类店铺，问题主要出在详情页和价格上。",
  "主推款库存只够几天的销量，活动前必须先补货，否则流量越大损失越大。",
  "建议把 24 小时发货率提到 95% 以上，和仓库确认每日发货产能。",
  "标题里的违规词要立即删除，按平台规则逐条自查商品信息。",
  "评价返现属于违规行为，应立即停止，并通过售后和服务改善口碑。",
  "按周跟踪曝光、点击、加购、支付四个环节，每周复盘一次。",
  "先处理影响最大的环节，再做其他优化，避免同时改太多无法判断效果。",
  "价格要和同款竞品对比，活动价不能低于成本线，也要留出利润空间。",
  "整改后观察 7 天数据，如果转化率回升再逐步加大推广预算。",
  "客服响应时间偏长，需要排班覆盖晚间高峰。",
];

const PLAN_SENTENCES: Record<(typeof PLAN_SECTIONS)[number], string[]> = {
  定位与选品: [
    "目标人群是一二线城市 25–35 岁的上班族，主打性价比和品质。",
    "选品以 3 个引流款、5 个利润款为主，围绕核心品类做组合。",
    "参考行业热搜词和竞品销量，优先上架需求稳定的基础款。",
  ],
  流量获取: [
    "前期以搜索优化为主，标题和主图围绕核心关键词重新设计。",
    "京东快车按关键词分组投放，每周根据 ROI 调整出价。",
    "结合内容种草和店铺会员，逐步提高免费流量占比。",
  ],
  活动节奏: [
    "以 618 和双 11 为两个大促节点，提前 30 天开始备货和预热。",
    "平时每月参加一次平台秒杀或品类日活动，保持销量稳定。",
    "大促前两周完成报名、库存确认和客服培训。",
  ],
  "预算与 ROI": [
    "推广预算控制在销售额的 8%–10%，目标整体 ROI 不低于 3。",
    "预算按 6:3:1 分配给搜索推广、推荐推广和内容投放。",
    "每周复盘投入产出，ROI 连续两周低于目标就暂停对应计划。",
  ],
  KPI: [
    "核心指标：月销售额、转化率、客单价、复购率和店铺评分。",
    "第一季度目标转化率 3%，店铺评分保持 4.8 分以上。",
    "每周看数据看板，每月对照目标复盘并调整方案。",
  ],
};

function sentences(rng: Rng, pool: readonly string[], count: number): string {
  const chosen = new Set<string>();
  while (chosen.size < Math.min(count, pool.length)) chosen.add(pick(rng, pool));
  return [...chosen].join("");
}

/** A written case answer; weaker learners write less. */
export const caseAnswer = (rng: Rng, quality: number) => sentences(rng, CASE_SENTENCES, 1 + Math.round(quality * 3));

export const planSection = (rng: Rng, section: (typeof PLAN_SECTIONS)[number], quality: number) =>
  sentences(rng, PLAN_SENTENCES[section], 1 + Math.round(quality * 2));

const WEAK = ["要点不完整，缺少具体数据支撑。", "方向对，但措施不够具体，难以执行。", "没有结合案例数据分析原因。", "与平台规则有出入，请复习相关课程。"];
const STRONG = ["分析到位，措施具体可行。", "结合数据，思路清晰。", "考虑周全，有自己的思考。"];

/** A criterion comment: most criteria get none, weak and strong ones sometimes do. */
export function criterionComment(rng: Rng, fraction: number): string {
  if (fraction < 0.6) return rng() < 0.7 ? pick(rng, WEAK) : "";
  if (fraction > 0.9) return rng() < 0.3 ? pick(rng, STRONG) : "";
  return "";
}

const OVERALL = {
  failed: ["整体还需加强，建议重点复习薄弱模块后再次参加考核。", "方案框架完整度不够，预算与 KPI 部分需要补充。"],
  passed: ["整体达到要求，方案可执行，部分细节可以更具体。", "基础扎实，案例分析思路正确，继续加油。"],
  certified: ["表现优秀，方案完整、数据扎实，恭喜获得证书。", "分析深入，方案有创新，值得作为范例。"],
};

export const overallComment = (rng: Rng, outcome: keyof typeof OVERALL) => pick(rng, OVERALL[outcome]);

const MODERATION = [
  "两位批阅人分歧较大的评分项已按评分细则复核，以复核结果为准。",
  "仲裁：对照评分细则重新核对了争议项，其余项取两位批阅人的平均分。",
  "争议项已复核：要点基本写到，但数据支撑不足，按细则给分。",
];

/** The moderator's overall comment on a disputed double-graded attempt. */
export const moderationComment = (rng: Rng) => pick(rng, MODERATION);
