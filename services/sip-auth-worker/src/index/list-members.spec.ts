import { ListMembers } from './list-members';

describe('ListMembers (the credential ids of each list)', () => {
  it('keeps each list’s ids apart, once each, and forgets a list whose last id is removed', () => {
    const m = new ListMembers();
    m.addNew('AC1', 'CL1', 'CR1');
    m.addNew('AC1', 'CL1', 'CR2');
    m.add('AC1', 'CL1', 'CR2');
    m.add('AC1', 'CL1', 'CR22');
    m.add('AC2', 'CL1', 'CR9');
    expect(m.idsOf('AC1', 'CL1')).toEqual(['CR1', 'CR2', 'CR22']);
    expect(m.idsOf('AC2', 'CL1')).toEqual(['CR9']);
    m.remove('AC1', 'CL1', 'CR2');
    expect(m.idsOf('AC1', 'CL1')).toEqual(['CR1', 'CR22']);
    m.remove('AC2', 'CL1', 'CR9');
    m.remove('AC2', 'CL1', 'CR9');
    expect(m.idsOf('AC2', 'CL1')).toEqual([]);
    expect(m.idsOf('AC3', 'CL7')).toEqual([]);
  });
});
