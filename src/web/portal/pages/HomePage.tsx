// The portal's front page: what one can do here, in plain words.
import { Link } from 'react-router-dom';
import { Alert } from 'antd';
import { useTx } from '../i18n.tsx';

export default function HomePage() {
  const tx = useTx();
  return (
    <div data-testid="portal-home">
      <h1>{tx('有事网上说，进度随时查', 'Tell us online, follow it any time')}</h1>
      <div className="xf-tiles">
        <Link className="xf-tile" to="/submit" data-testid="portal-go-submit">
          <strong>{tx('我要写信（网上信访）', 'Submit a petition')}</strong>
          <span>{tx('提建议、检举控告、反映诉求，约 5 分钟', 'A suggestion, an accusation or a claim; about 5 minutes')}</span>
        </Link>
        <Link className="xf-tile" to="/follow" data-testid="portal-go-follow">
          <strong>{tx('查询进度 · 评价 · 申请复查', 'Follow, rate, ask for review')}</strong>
          <span>{tx('用查询码和手机号或身份证号后四位查看办理情况', 'With your query code and the last 4 of your mobile or ID number')}</span>
        </Link>
        <Link className="xf-tile" to="/suggestions" data-testid="portal-go-suggestions">
          <strong>{tx('人民建议征集', 'Citizen suggestions')}</strong>
          <span>{tx('就征集主题提出建议，之后查看是否采纳', 'Suggest on a topic and later see whether it was adopted')}</span>
        </Link>
        <Link className="xf-tile" to="/figures" data-testid="portal-go-figures">
          <strong>{tx('信访数据公开', 'Open figures')}</strong>
          <span>{tx('今年每月的信访量、按期答复率和满意率', "This year's volume, on-time answers and satisfaction by month")}</span>
        </Link>
      </div>
      <Alert style={{ marginTop: 16 }} type="info" showIcon
        title={tx('依法信访受法律保护。检举控告材料不会转给被检举控告的单位或个人。', 'Petitioning is protected by law. Accusation material is never passed to the person or body accused.')} />
    </div>
  );
}
