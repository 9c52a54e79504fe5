import { expect, test } from '../fixtures.ts'

test.describe('hex dump width', () => {
  test.use({ viewport: { width: 1280, height: 800 } })

  test('at 1280 px the ASCII column fits the message detail panel, no sideways scroll', async ({
    browsePage,
  }) => {
    await browsePage.open({ topic: 'demo.binary', partition: 0, start: 'beginning', sel: '0:0' })
    const hex = browsePage.valueHex()
    await expect(hex).toContainText('|@ABCDEFGHIJKLMNO|')
    const fit = await hex.evaluate((region) => {
      const ascii = [...region.querySelectorAll('span')].find((s) => s.textContent === '|@ABCDEFGHIJKLMNO|')
      const box = region.getBoundingClientRect()
      return {
        asciiRight: ascii ? ascii.getBoundingClientRect().right : Infinity,
        regionRight: box.right,
        scrollsSideways: region.scrollWidth > region.clientWidth,
      }
    })
    expect(fit.scrollsSideways).toBe(false)
    expect(fit.asciiRight).toBeLessThanOrEqual(fit.regionRight)
  })
})
