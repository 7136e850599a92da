import { Empty } from './Empty';

export function HeaderTable({
  headers,
  label,
}: {
  headers: Record<string, string>;
  label: string;
}) {
  const entries = Object.entries(headers);
  if (entries.length === 0) return <Empty>None.</Empty>;
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      <table>
        <caption className="visually-hidden">{label}</caption>
        <tbody>
          {entries.map(([name, value]) => (
            <tr key={name}>
              <th scope="row" className="mono">
                {name}
              </th>
              <td className="mono secret">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
